import { checkpointMonitor, holdsSlots, isEndState, JOB_STATUSES, projectJob, type CheckpointMonitor, slotsHeld, type JobRecord, type JobSnapshot, type JobStatus } from '@seatunnel-sim/engine';
import { SCAN_PAGE_SIZE, type JobRepository } from '@seatunnel-sim/cluster';
import type { Clock } from '../sim-clock.js';
import { OrderedJobs, type JobWhere, type RereadJobs } from './ordered-jobs.js';

/** A job and what it looks like now. */
export interface JobAtNow {
  record: JobRecord;
  snapshot: JobSnapshot;
}

export interface OverviewCounters {
  runningJobs: number;
  finishedJobs: number;
  failedJobs: number;
  cancelledJobs: number;
  pendingJobs: number;
}

export interface JobQueriesOptions {
  repository: JobRepository;
  clock: Clock;
  /** Sorted listings up to this many jobs keep them from the first read (default KEEP_LISTED_JOBS). */
  keepListedJobs?: number;
}

/** What one pass over the running map tells the overview. */
interface RunningSummary {
  /** Jobs whose projection has not ended. */
  running: number;
  /** Of those, the ones waiting for slots (PENDING). */
  pending: number;
  /** Slots held per owner node id. */
  slots: Record<string, number>;
  /** Jobs that ended but are still in the running map (their owner has not archived them yet). */
  ended: JobAtNow[];
}

const atNow = (record: JobRecord, now: number): JobAtNow => ({ record, snapshot: projectJob(record, now) });

/**
 * The jobs of the cluster as the REST API shows them, read from the two job maps. A job that has
 * ended may still sit in the running map until its owner archives it, so every read of "ended
 * jobs" takes those entries from the running map first and the history second: a job archived in
 * between is then in the second read (reading both at once could miss it in both), and a job seen
 * in both is counted once (endedInRunningMap and the `except` of every history read).
 */
export class JobQueries {
  private summary: Promise<RunningSummary> | undefined;

  constructor(private readonly options: JobQueriesOptions) {}

  private get repository(): JobRepository {
    return this.options.repository;
  }

  private ordered(reread: RereadJobs): OrderedJobs {
    return new OrderedJobs(reread, this.options.keepListedJobs);
  }

  /** The simulation clock's instant, for answers computed from records (realtime metrics). */
  now(): number {
    return this.options.clock.now();
  }

  /**
   * The job by id, running or in history; null when unknown or expired. Read through the
   * repository's lookup cache: a change made through another node shows once the store's change
   * notification reaches this node; progress is computed at `now` anyway.
   */
  async find(jobId: string): Promise<JobAtNow | null> {
    const stored = await this.repository.lookup(jobId);
    return stored ? atNow(stored.record, this.options.clock.now()) : null;
  }

  /** The job's checkpoint monitor (null: unknown job, not running, or nothing triggered yet). */
  async checkpoints(jobId: string): Promise<CheckpointMonitor | null> {
    const stored = await this.repository.lookup(jobId);
    if (!stored) return null;
    const now = this.options.clock.now();
    return checkpointMonitor(stored.record, projectJob(stored.record, now), now);
  }

  /**
   * Running jobs (projection not ended), a page at a time, projected at one `now`, in the store's
   * order (each page read, projected and handed on before the next: nothing is held).
   */
  async *runningPages(): AsyncGenerator<JobAtNow[]> {
    const now = this.options.clock.now();
    for await (const records of this.repository.scanRunning()) {
      yield records.map((r) => atNow(r, now)).filter((job) => !isEndState(job.snapshot.status));
    }
  }

  /**
   * Running jobs (projection not ended), in the store's order or newest submission first, projected
   * at one `now`, counted before they are answered (a page of a listing needs the total). A longer
   * listing holds only (createTime, id) per job and reads the jobs again as it answers; one that
   * has ended or left the running map by then is left out.
   */
  async running(newestFirst: boolean): Promise<OrderedJobs> {
    const now = this.options.clock.now();
    const jobs = this.ordered(async (refs) => {
      const records = await this.repository.getAllRunning(refs.map((ref) => ref.jobId));
      const found: JobAtNow[] = [];
      for (const ref of refs) {
        const record = records.get(ref.jobId);
        const job = record && atNow(record, now);
        if (job && !isEndState(job.snapshot.status)) found.push(job);
      }
      return found;
    });
    for await (const records of this.repository.scanRunning()) {
      for (const record of records) {
        const job = atNow(record, now);
        if (!isEndState(job.snapshot.status)) jobs.add(job, record.createTime, 'running');
      }
    }
    return newestFirst ? jobs.sort(true) : jobs;
  }

  /**
   * Running-map entries that have ended by `now`, projected (only the entries that can have ended
   * are read: committed in an end state, or due). The first half of every read of ended jobs.
   */
  private async endedInRunningMap(now: number): Promise<JobAtNow[]> {
    return (await this.repository.listMaybeEnded(now)).map((r) => atNow(r, now)).filter((job) => isEndState(job.snapshot.status));
  }

  /**
   * Ended jobs, optionally of one status (case-insensitive; unknown → none), in finish order as
   * SeaTunnel sorts them (oldest first, or newest first as 2.3.13 does). A longer listing holds
   * only (finish time, id) per job from the first read, and reads the jobs again by id, page by
   * page, in finish order as it answers (a job that leaves history in between is left out).
   */
  async finished(state?: string, { pageSize = SCAN_PAGE_SIZE, newestFirst = false } = {}): Promise<OrderedJobs> {
    const now = this.options.clock.now();
    const wanted = state?.toUpperCase();
    const belongs = (job: JobAtNow | undefined): job is JobAtNow => !!job && isEndState(job.snapshot.status) && (!wanted || job.snapshot.status === wanted);
    const jobs = this.ordered(async (refs) => {
      const ids = (where: JobWhere) => refs.filter((ref) => ref.where === where).map((ref) => ref.jobId);
      const [finished, running] = await Promise.all([this.repository.getAllFinished(ids('finished')), this.repository.getAllRunning(ids('running'))]);
      // Ended jobs seen in the running map may have been archived since: look for them in history.
      const moved = ids('running').filter((id) => !running.has(id));
      const archived = moved.length > 0 ? await this.repository.getAllFinished(moved) : new Map<string, JobRecord>();
      const found: JobAtNow[] = [];
      for (const ref of refs) {
        const record = ref.where === 'finished' ? finished.get(ref.jobId) : (running.get(ref.jobId) ?? archived.get(ref.jobId));
        const job = record && atNow(record, now);
        if (belongs(job)) found.push(job);
      }
      return found;
    });
    const fromRunning = await this.endedInRunningMap(now);
    // A job archived between the two reads is in both: listed once, from history.
    const endedIds = new Set(fromRunning.map((job) => job.record.jobId));
    const archivedMeanwhile = new Set<string>();
    for await (const records of this.repository.scanFinished(pageSize)) {
      for (const record of records) {
        const job = atNow(record, now);
        if (endedIds.has(record.jobId)) archivedMeanwhile.add(record.jobId);
        if (belongs(job)) jobs.add(job, job.snapshot.finishTime ?? 0, 'finished');
      }
    }
    for (const job of fromRunning) if (!archivedMeanwhile.has(job.record.jobId) && belongs(job)) jobs.add(job, job.snapshot.finishTime ?? 0, 'running');
    return jobs.sort(newestFirst);
  }

  /**
   * Overview counters as SeaTunnel computes them: runningJobs = everything not yet in history;
   * finished/failed/cancelled = history entries with exactly that status (SAVEPOINT_DONE counts
   * nowhere). One pass over the running map (shared with a concurrent slotsInUse) and three
   * indexed counts of history, plus the ended jobs not yet archived, each counted once.
   */
  async overviewCounters(): Promise<OverviewCounters> {
    const summary = await this.runningSummary();
    const counts = await this.historyCounts(['FINISHED', 'FAILED', 'CANCELED'], summary.ended);
    return {
      runningJobs: summary.running,
      finishedJobs: counts.FINISHED ?? 0,
      failedJobs: counts.FAILED ?? 0,
      cancelledJobs: counts.CANCELED ?? 0,
      pendingJobs: summary.pending,
    };
  }

  /** Slots held by running jobs, per owner node id. */
  async slotsInUse(): Promise<Record<string, number>> {
    return { ...(await this.runningSummary()).slots };
  }

  /**
   * The running map as /pending-jobs needs it, projected at one `now`: the jobs waiting for slots
   * (WAIT: PENDING and never started) and the jobs holding slots on their owner.
   */
  async slotQueue(): Promise<{ now: number; waiting: JobRecord[]; holding: JobRecord[] }> {
    const now = this.options.clock.now();
    const waiting: JobRecord[] = [];
    const holding: JobRecord[] = [];
    for await (const records of this.repository.scanRunning()) {
      for (const record of records) {
        const { status } = projectJob(record, now);
        if (status === 'PENDING' && record.runningSince === null) waiting.push(record);
        else if (holdsSlots({ record, status })) holding.push(record);
      }
    }
    return { now, waiting, holding };
  }

  /**
   * Jobs per projected status over both maps (telemetry's job_count), from indexed counts: a
   * running-map entry that cannot have changed by itself projects to its committed status (dueAt
   * is when it next would), so only the entries that may have ended are read and moved.
   */
  async countByStatus(): Promise<Record<string, number>> {
    const now = this.options.clock.now();
    const maybeEnded = (await this.repository.listMaybeEnded(now)).map((r) => atNow(r, now));
    const committed = await Promise.all(JOB_STATUSES.map((status) => this.repository.countRunningWithStatus(status)));
    const counts: Record<string, number> = {};
    JOB_STATUSES.forEach((status, i) => {
      if (committed[i]) counts[status] = committed[i]!;
    });
    for (const job of maybeEnded) {
      counts[job.record.status] = (counts[job.record.status] ?? 0) - 1;
      if (!isEndState(job.snapshot.status)) counts[job.snapshot.status] = (counts[job.snapshot.status] ?? 0) + 1;
    }
    const ended = maybeEnded.filter((job) => isEndState(job.snapshot.status));
    const history = await this.historyCounts(JOB_STATUSES.filter(isEndState), ended);
    for (const [status, count] of Object.entries(history)) counts[status] = (counts[status] ?? 0) + count;
    for (const status of Object.keys(counts)) if (counts[status] === 0) delete counts[status];
    return counts;
  }

  /** This node's jobs for telemetry: running ones it owns, and those it archived into history. */
  async ownedCounts(owner: string): Promise<{ active: number; completed: number }> {
    const [active, completed] = await Promise.all([this.repository.countRunningOwnedBy(owner), this.repository.countFinishedOwnedBy(owner)]);
    return { active, completed };
  }

  /**
   * History entries per status (indexed counts), plus the ended jobs still in the running map with
   * that projected status; a job in both is counted once, from the running map.
   */
  private async historyCounts(statuses: readonly JobStatus[], endedInRunning: readonly JobAtNow[]): Promise<Record<string, number>> {
    const except = endedInRunning.map((job) => job.record.jobId);
    const indexed = await Promise.all(statuses.map((status) => this.repository.countFinishedWithStatus(status, except)));
    const counts: Record<string, number> = {};
    statuses.forEach((status, i) => (counts[status] = indexed[i]!));
    for (const job of endedInRunning) if (job.snapshot.status in counts) counts[job.snapshot.status]!++;
    return counts;
  }

  /** One pass over the running map, a page at a time; concurrent callers share the pass. */
  private runningSummary(): Promise<RunningSummary> {
    return (this.summary ??= (async () => {
      const now = this.options.clock.now();
      const summary: RunningSummary = { running: 0, pending: 0, slots: {}, ended: [] };
      for await (const records of this.repository.scanRunning()) {
        for (const record of records) {
          const job = atNow(record, now);
          if (isEndState(job.snapshot.status)) {
            summary.ended.push(job);
            continue;
          }
          summary.running++;
          if (job.snapshot.status === 'PENDING') summary.pending++;
          summary.slots[record.owner] = (summary.slots[record.owner] ?? 0) + slotsHeld({ record, status: job.snapshot.status });
        }
      }
      return summary;
    })().finally(() => {
      this.summary = undefined;
    }));
  }
}
