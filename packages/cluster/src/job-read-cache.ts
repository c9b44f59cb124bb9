import type { JobRecord } from '@seatunnel-sim/engine';

/** A job as last read for display, with where it was found. */
export interface CachedJob {
  record: JobRecord;
  where: 'running' | 'finished';
}

interface Entry extends CachedJob {
  readAt: number;
}

/** One read in flight; an invalidation of its key while it flies keeps its answer out of the cache. */
interface Flight {
  dirty: boolean;
}

export interface JobReadCacheOptions {
  /** Entries kept (oldest dropped first). */
  maxEntries?: number;
  /** An entry is re-read after this long even without an invalidation (a lost event heals by then). */
  maxAgeMillis?: number;
  now?: () => number;
}

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
};

/**
 * The node-local cache behind job lookups (job-info, running-job): parsed job records by id, dropped
 * on every entry event of the job maps (any node's write) and on this node's own writes, and
 * re-read at the latest after `maxAgeMillis`. A lookup that races an invalidation of its key is
 * answered but not cached ("reservation", as Hazelcast's own near cache does it). Cached records
 * are frozen: they are shared between requests.
 */
export class JobReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly flights = new Map<string, Set<Flight>>();
  private readonly maxEntries: number;
  private readonly maxAgeMillis: number;
  private readonly now: () => number;

  constructor(options: JobReadCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 1024;
    this.maxAgeMillis = options.maxAgeMillis ?? 1000;
    this.now = options.now ?? Date.now;
  }

  get(jobId: string): CachedJob | undefined {
    const entry = this.entries.get(jobId);
    if (!entry) return undefined;
    if (this.now() - entry.readAt >= this.maxAgeMillis) {
      this.entries.delete(jobId);
      return undefined;
    }
    return entry;
  }

  /** Marks the start of a read of `jobId`; hand the token back to `settle` with what was read. */
  begin(jobId: string): Flight {
    const flight: Flight = { dirty: false };
    let set = this.flights.get(jobId);
    if (!set) this.flights.set(jobId, (set = new Set()));
    set.add(flight);
    return flight;
  }

  /** Ends a read; caches its result unless the key was invalidated meanwhile. Returns the (frozen) job. */
  settle(jobId: string, flight: Flight, job: CachedJob | null): CachedJob | null {
    const set = this.flights.get(jobId);
    set?.delete(flight);
    if (set?.size === 0) this.flights.delete(jobId);
    if (!job) return null;
    deepFreeze(job.record);
    if (!flight.dirty) {
      this.entries.delete(jobId);
      this.entries.set(jobId, { ...job, readAt: this.now() });
      if (this.entries.size > this.maxEntries) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
    }
    return job;
  }

  invalidate(jobId: string): void {
    this.entries.delete(jobId);
    const set = this.flights.get(jobId);
    if (set) for (const flight of set) flight.dirty = true;
  }

  clear(): void {
    this.entries.clear();
    for (const set of this.flights.values()) for (const flight of set) flight.dirty = true;
  }

  get size(): number {
    return this.entries.size;
  }
}
