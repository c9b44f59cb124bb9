import { SCAN_PAGE_SIZE } from '@seatunnel-sim/cluster';
import type { JobAtNow } from './job-queries.js';

/** Where a listed job was seen: a listing re-reads it from there. */
export type JobWhere = 'running' | 'finished';

/** A listed job remembered by what orders it; the job itself only while the listing is small. */
export interface JobRef {
  jobId: string;
  key: number;
  where: JobWhere;
  job: JobAtNow | undefined;
}

/**
 * Re-reads the jobs of `refs` (a page of them, in order) and returns those that still belong in
 * the listing, in the same order; a job gone meanwhile is left out.
 */
export type RereadJobs = (refs: readonly JobRef[]) => Promise<JobAtNow[]>;

/**
 * A listing up to this many jobs keeps them from its first read; a longer one keeps only
 * (sort key, id) per job and reads the jobs again by id a page at a time as it answers, so the
 * memory it holds is a few megabytes of keys, not the jobs (100 000 records are ~200 MB of heap).
 */
export const KEEP_LISTED_JOBS = 2_000;

/**
 * The jobs of a sorted listing (newest first, finish order), gathered from one pass over the maps:
 * how many there are, and any index range of them a page at a time, in order. Sorting is stable,
 * so jobs with the same key keep the order the maps gave them, as a sort of the whole list did.
 */
export class OrderedJobs {
  private readonly refs: JobRef[] = [];
  private keep = true;

  constructor(
    private readonly reread: RereadJobs,
    private readonly keepUpTo = KEEP_LISTED_JOBS,
  ) {}

  add(job: JobAtNow, key: number, where: JobWhere): void {
    this.refs.push({ jobId: job.record.jobId, key, where, job: this.keep ? job : undefined });
    if (this.keep && this.refs.length > this.keepUpTo) {
      this.keep = false;
      for (const ref of this.refs) ref.job = undefined;
    }
  }

  /** Largest key first, or smallest first. */
  sort(descending: boolean): this {
    this.refs.sort(descending ? (a, b) => b.key - a.key : (a, b) => a.key - b.key);
    return this;
  }

  get total(): number {
    return this.refs.length;
  }

  /**
   * The jobs at positions [from, to), a page at a time, the next page read while the caller works
   * on this one. Re-read jobs that left the listing meanwhile are left out (the page is shorter).
   */
  async *pages(from = 0, to = this.refs.length, pageSize = SCAN_PAGE_SIZE): AsyncGenerator<JobAtNow[]> {
    const page = async (start: number): Promise<JobAtNow[]> => {
      const slice = this.refs.slice(start, Math.min(start + pageSize, to));
      return this.keep ? slice.map((ref) => ref.job!) : this.reread(slice);
    };
    let next = from < to ? page(from) : null;
    for (let start = from; next; start += pageSize) {
      const jobs = await next;
      next = start + pageSize < to ? page(start + pageSize) : null;
      next?.catch(() => undefined); // prefetched: the reader may stop (client gone) before awaiting it
      yield jobs;
    }
  }
}
