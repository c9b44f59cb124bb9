import { compareJobCopies, isEndState, JOB_STATUSES, type JobRecord } from '@seatunnel-sim/engine';
import { decodeJob, encodeJob } from './job-codec.js';
import { JobReadCache, type CachedJob } from './job-read-cache.js';
import { JOB_ID_GENERATOR, MAPS } from './map-names.js';
import type { DocBackend, DocFilter, DocMap, Witness } from './store/doc-map.js';

/** A job record together with what a compare-and-set must find unchanged (opaque). */
export interface StoredJob {
  record: JobRecord;
  witness: Witness;
  where: 'running' | 'finished';
}

/** How long a job stays in history once archived. */
export interface HistoryTerms {
  /** Simulation-clock ms after which the job leaves history (see removeExpiredFinished). */
  expiresAt: number;
  /** The history entry's time-to-live (wall-clock ms): the backstop when nobody sweeps. */
  entryTtlMillis: number;
}

/** What an update function decides: a new record to commit, or nothing to change. */
export type JobMutation = (current: JobRecord) => JobRecord | null;

const MAX_CAS_ATTEMPTS = 50;

const END_STATUSES = JOB_STATUSES.filter(isEndState);

/** Jobs per getAll when a listing reads a map page by page. */
export const SCAN_PAGE_SIZE = 1000;

/**
 * A map with at most this many jobs is read with one values() call, a larger one page by page.
 * values() is one round trip, but holds every record at once (10 000 jobs: ~14 MB of text and
 * the member's answer buffers): listing 10 000 jobs, the node's RSS peaked at 176/179 MB
 * (running/finished) with a 20 000 limit, 149/156 MB with this one (bench, shared machine).
 */
const SCAN_VALUES_LIMIT = 2_000;

/** Pages requested ahead of the one being worked on (the store prepares them meanwhile). */
const SCAN_PAGES_AHEAD = 2;

const running = (record: JobRecord, witness: Witness): StoredJob => ({ record, witness, where: 'running' });

export interface JobRepositoryOptions {
  /** Told when the read cache cannot get change notifications (lookups then read the store each time). */
  warn?: (message: string, error: unknown) => void;
}

/**
 * Jobs in the shared store: running ones in one map, ended ones in another (with their history
 * TTL), the way SeaTunnel keeps engine_runningJobInfo apart from engine_finishedJobState. Every
 * change is a compare-and-set against the exact document read, so racing nodes never overwrite
 * each other.
 */
export class JobRepository {
  private readonly readCache = new JobReadCache();
  private listening: Promise<boolean> | undefined;

  private constructor(
    private readonly backend: DocBackend,
    private readonly running: DocMap,
    private readonly finished: DocMap,
    private readonly options: JobRepositoryOptions,
  ) {}

  static async open(backend: DocBackend, options: JobRepositoryOptions = {}): Promise<JobRepository> {
    const [running, finished] = await Promise.all([backend.map(MAPS.runningJobs), backend.map(MAPS.finishedJobs)]);
    return new JobRepository(backend, running, finished, options);
  }

  /** A fresh 64-bit job id from the cluster's id generator (SeaTunnel's Flake ids), as decimal text. */
  newJobId(): Promise<string> {
    return this.backend.newId(JOB_ID_GENERATOR);
  }

  /** Stores a new running job unless one with that id is already running; returns the winner. */
  async insertRunning(record: JobRecord): Promise<{ inserted: boolean; current: JobRecord }> {
    const previous = await this.writing(record.jobId, () => this.running.putIfAbsent(record.jobId, encodeJob(record)));
    if (previous === null) return { inserted: true, current: record };
    return { inserted: false, current: decodeJob(previous.text) };
  }

  async getRunning(jobId: string): Promise<StoredJob | null> {
    const doc = await this.running.get(jobId);
    return doc ? running(decodeJob(doc.text), doc.witness) : null;
  }

  async getFinished(jobId: string): Promise<StoredJob | null> {
    const doc = await this.finished.get(jobId);
    return doc ? { record: decodeJob(doc.text), witness: doc.witness, where: 'finished' } : null;
  }

  /** The job wherever it is; running first, as SeaTunnel's job-info looks it up. */
  async get(jobId: string): Promise<StoredJob | null> {
    return (await this.getRunning(jobId)) ?? (await this.getFinished(jobId));
  }

  /**
   * The job for display (job-info, running-job): like `get`, but answered from this node's
   * JobReadCache when it can. The cache drops a job on any write to it (entry events from the
   * member, and this node's own writes at once), so a lookup may lag a write made through
   * *another* node only by the time the member takes to deliver that event (well under a
   * millisecond on loopback), and by at most the cache's max age (1 s) if events are lost while
   * the client reconnects. The record is frozen (shared between requests). Writes must use `get`.
   */
  async lookup(jobId: string): Promise<CachedJob | null> {
    const cached = this.readCache.get(jobId);
    if (cached) return cached;
    if (!(await (this.listening ??= this.listenForChanges()))) {
      const stored = await this.get(jobId);
      return stored ? { record: stored.record, where: stored.where } : null;
    }
    const flight = this.readCache.begin(jobId);
    let found: CachedJob | null = null;
    try {
      const stored = await this.get(jobId);
      found = stored ? { record: stored.record, where: stored.where } : null;
    } finally {
      found = this.readCache.settle(jobId, flight, found);
    }
    return found;
  }

  /**
   * Change notifications of both job maps invalidate the read cache; false when they cannot be had
   * (reported, and asked for again by the next lookup: one failure does not turn the cache off).
   * Adds count too: a job restored from history into the running map must drop the cached history
   * copy at once, not only when its history entry's removal is heard.
   */
  private async listenForChanges(): Promise<boolean> {
    const listener = { changed: (key: string) => this.readCache.invalidate(key), cleared: () => this.readCache.clear() };
    try {
      await Promise.all([this.running.listen(listener), this.finished.listen(listener)]);
      return true;
    } catch (error) {
      this.options.warn?.('job change notifications unavailable; job lookups read the store each time until they are', error);
      this.listening = undefined;
      return false;
    }
  }

  /**
   * Tells `listener` of every change to history (a job archived, restored or expired, whether by a
   * sweep or by the entry's own TTL); `cleared` when the whole map went. Resolves once listening.
   */
  async watchHistory(listener: { changed(jobId: string): void; cleared(): void }): Promise<void> {
    await this.finished.listen({ changed: (key) => listener.changed(key), cleared: () => listener.cleared() });
  }

  /**
   * After a network partition heals, keeps one copy of every job the members merged. Each map's
   * merge policy settles copies of the same key, but not a job the two sides left in different
   * maps (one side archived it into history while the other still had it running, or restored it):
   * then the later copy (compareJobCopies; history on a tie, as an end state cannot be undone by a
   * stale copy) stays and the other is removed by compare-and-set. Resolves once listening.
   */
  async settleMerges(report?: (jobId: string, kept: 'running' | 'finished') => void): Promise<void> {
    const settle = (jobId: string): void => {
      this.settleCopies(jobId).then(
        (kept) => kept && report?.(jobId, kept),
        (error: unknown) => this.options.warn?.(`could not settle the merged copies of job ${jobId}`, error),
      );
    };
    await Promise.all([this.running.onMerged(settle), this.finished.onMerged(settle)]);
  }

  /** Removes the earlier of a job's running and history copies; which map kept it, or null when one copy. */
  async settleCopies(jobId: string): Promise<'running' | 'finished' | null> {
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      const [live, ended] = await Promise.all([this.getRunning(jobId), this.getFinished(jobId)]);
      if (!live || !ended) return null;
      const runningIsLater = compareJobCopies(live.record, ended.record) > 0;
      const removed = runningIsLater
        ? await this.removeFinished(ended)
        : await this.writing(jobId, () => this.running.removeIfSame(jobId, live.witness));
      if (removed) return runningIsLater ? 'running' : 'finished';
    }
    throw new Error(`settling the copies of job ${jobId} kept losing after ${MAX_CAS_ATTEMPTS} attempts`);
  }

  /** Runs a write of `jobId` and drops the job from this node's read cache afterwards (read-your-writes). */
  private async writing<T>(jobId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.readCache.invalidate(jobId);
    }
  }

  async listRunning(): Promise<JobRecord[]> {
    return (await this.running.values()).map(decodeJob);
  }

  async listFinished(): Promise<JobRecord[]> {
    return (await this.finished.values()).map(decodeJob);
  }

  async countRunning(): Promise<number> {
    return this.running.size();
  }

  /**
   * Every running job, a page at a time (keySet, then getAll per page, the next page fetched while
   * the caller works on this one), so a listing of 100 000 jobs never holds them all at once. Like
   * `values()`, not a snapshot: a job archived meanwhile is skipped, one submitted after the
   * keySet is not seen.
   */
  scanRunning(pageSize = SCAN_PAGE_SIZE): AsyncGenerator<JobRecord[]> {
    return this.scan(this.running, pageSize);
  }

  /** Every job in history, a page at a time (see scanRunning). */
  scanFinished(pageSize = SCAN_PAGE_SIZE): AsyncGenerator<JobRecord[]> {
    return this.scan(this.finished, pageSize);
  }

  private async *scan(map: DocMap, pageSize: number): AsyncGenerator<JobRecord[]> {
    // Up to SCAN_VALUES_LIMIT jobs one values() call is quicker (one round trip, one pass on the
    // member); the documents are decoded a page at a time.
    if ((await map.size()) <= SCAN_VALUES_LIMIT) {
      const values = await map.values();
      for (let from = 0; from < values.length; from += pageSize) yield values.slice(from, from + pageSize).map(decodeJob);
      return;
    }
    const keys = await map.keys();
    const inFlight: Promise<Array<[string, string]>>[] = [];
    let next = 0;
    const fill = (): void => {
      for (; inFlight.length < SCAN_PAGES_AHEAD && next < keys.length; next += pageSize) {
        const page = map.getAll(keys.slice(next, next + pageSize));
        // Prefetched: a reader that stops early (client gone) never awaits it, and an unhandled
        // rejection (cluster gone meanwhile) would kill the node process.
        page.catch(() => undefined);
        inFlight.push(page);
      }
    };
    fill();
    while (inFlight.length > 0) {
      const entries = await inFlight.shift()!;
      fill();
      yield entries.map(([, text]) => decodeJob(text));
    }
  }

  /** The running jobs among `jobIds` (missing ones left out). */
  async getAllRunning(jobIds: string[]): Promise<Map<string, JobRecord>> {
    return new Map((await this.running.getAll(jobIds)).map(([id, text]) => [id, decodeJob(text)]));
  }

  /** The history entries among `jobIds` (missing ones left out). */
  async getAllFinished(jobIds: string[]): Promise<Map<string, JobRecord>> {
    return new Map((await this.finished.getAll(jobIds)).map(([id, text]) => [id, decodeJob(text)]));
  }

  /**
   * Running-map entries that may have ended by `now`: committed in an end state, or due
   * (`dueAt <= now`). Every other entry projects to its committed, non-final status, because
   * `dueAt` is when a record's projected status next changes (the invariant the drivers' listDue
   * relies on), so a history listing need not read them. Uses the status and dueAt indexes.
   */
  async listMaybeEnded(now: number): Promise<JobRecord[]> {
    const entries = await this.running.query({ or: [{ field: 'status', in: END_STATUSES }, { field: 'dueAt', atMost: now }] });
    return entries.map((entry) => decodeJob(entry.text));
  }

  /**
   * History entries with `status`, leaving out `exceptIds` (jobs the caller already counted from
   * the running map: an ended job may be archived while the caller counts).
   */
  async countFinishedWithStatus(status: string, exceptIds: readonly string[] = []): Promise<number> {
    const withStatus: DocFilter = { field: 'status', equals: status };
    return this.finished.count(exceptIds.length === 0 ? withStatus : { and: [withStatus, { not: { field: 'jobId', in: exceptIds } }] });
  }

  /** Count of running-map entries by committed status (the status index answers each). */
  async countRunningWithStatus(status: string): Promise<number> {
    return this.running.count({ field: 'status', equals: status });
  }

  /** Running-map entries owned by `owner` that have not ended (the owner index answers it). */
  async countRunningOwnedBy(owner: string): Promise<number> {
    return this.running.count({ and: [{ field: 'owner', equals: owner }, { not: { field: 'status', in: END_STATUSES } }] });
  }

  /** History entries archived by `owner`. */
  async countFinishedOwnedBy(owner: string): Promise<number> {
    return this.finished.count({ field: 'owner', equals: owner });
  }

  /** Running jobs owned by `owner` whose projected status is due to change by `now`. */
  listDue(owner: string, now: number): Promise<StoredJob[]> {
    return this.queryRunning({ and: [{ field: 'owner', equals: owner }, { field: 'dueAt', atMost: now }] });
  }

  /** Running jobs whose owner is not among `liveOwners` (their node died). */
  listOrphans(liveOwners: string[]): Promise<StoredJob[]> {
    return this.queryRunning(liveOwners.length === 0 ? { all: true } : { not: { field: 'owner', in: liveOwners } });
  }

  /** Running jobs owned by any of `owners`. */
  listOwnedBy(owners: string[]): Promise<StoredJob[]> {
    return this.queryRunning({ field: 'owner', in: owners });
  }

  private async queryRunning(filter: DocFilter): Promise<StoredJob[]> {
    return (await this.running.query(filter)).map((entry) => running(decodeJob(entry.text), entry.witness));
  }

  /**
   * Compare-and-set update of a running job: reads, applies `mutate`, and commits only if nobody
   * changed the job in between (else re-reads and retries). Returns the committed record, the
   * current one when `mutate` declined, or null when the job is not running.
   */
  async updateRunning(jobId: string, mutate: JobMutation): Promise<{ record: JobRecord; changed: boolean } | null> {
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      const current = await this.getRunning(jobId);
      if (!current) return null;
      const next = mutate(current.record);
      if (!next) return { record: current.record, changed: false };
      const committed = { ...next, version: current.record.version + 1 };
      if (await this.writing(jobId, () => this.running.replaceIfSame(jobId, current.witness, encodeJob(committed)))) return { record: committed, changed: true };
    }
    throw new Error(`compare-and-set on job ${jobId} kept losing after ${MAX_CAS_ATTEMPTS} attempts`);
  }

  /**
   * Moves an ended job into history in three idempotent steps: (1) compare-and-set the running
   * entry to its ended record — from then on nobody else can change it; (2) write the history
   * entry with its TTL; (3) remove the running entry if it is still exactly that record. A node
   * dying between steps leaves an ended record in the running map, which the next pass (by the
   * owner or by whoever adopts its jobs) finishes moving with `completeArchive`. Returns false
   * when someone changed the job first (the caller re-reads and tries again later).
   */
  async moveToHistory(current: StoredJob, ended: JobRecord, terms: HistoryTerms): Promise<boolean> {
    const committed = { ...ended, version: current.record.version + 1, expiresAt: terms.expiresAt };
    const text = encodeJob(committed);
    if (!(await this.writing(ended.jobId, () => this.running.replaceIfSame(ended.jobId, current.witness, text)))) return false;
    await this.completeArchive(running(committed, this.running.witnessOf(text)), terms);
    return true;
  }

  /**
   * Steps (2) and (3) of moveToHistory for a running entry already in an end state. The history
   * entry keeps the deadline the record already carries (set in step 1), else gets `terms`'.
   */
  async completeArchive(stored: StoredJob, terms: HistoryTerms): Promise<void> {
    const jobId = stored.record.jobId;
    const text = encodeJob(stored.record.expiresAt === undefined ? { ...stored.record, expiresAt: terms.expiresAt } : stored.record);
    await this.writing(jobId, () => this.finished.set(jobId, text, terms.entryTtlMillis));
    await this.writing(jobId, () => this.running.removeIfSame(jobId, stored.witness));
  }

  /**
   * Drops the history entries whose retention ended by `now` (simulation-clock ms): retention
   * follows the simulation clock, which `/_sim` can move ahead of the entries' own Hazelcast TTL.
   * Each entry keeps the deadline its archiving node gave it; idempotent, so any node may sweep.
   */
  async removeExpiredFinished(now: number): Promise<void> {
    await this.finished.removeAll({ field: 'expiresAt', atMost: now });
  }

  /** Writes a job straight into history (a job refused at submit). */
  async putFinished(record: JobRecord, terms: HistoryTerms): Promise<void> {
    await this.writing(record.jobId, () => this.finished.set(record.jobId, encodeJob({ ...record, expiresAt: terms.expiresAt }), terms.entryTtlMillis));
  }

  /** Replaces a running entry by compare-and-set (restoring an ended job from its savepoint). */
  async replaceRunning(current: StoredJob, next: JobRecord): Promise<boolean> {
    return this.writing(next.jobId, () => this.running.replaceIfSame(next.jobId, current.witness, encodeJob({ ...next, version: current.record.version + 1 })));
  }

  /** Removes a history entry (restoring a job from its savepoint re-runs the same id). */
  async removeFinished(stored: StoredJob): Promise<boolean> {
    return this.writing(stored.record.jobId, () => this.finished.removeIfSame(stored.record.jobId, stored.witness));
  }
}
