import { HazelcastJsonValue, Predicates, type IMap } from 'hazelcast-client';
import type { JobRecord } from '@seatunnel-sim/engine';
import type { HazelcastClient } from './hazelcast-client.js';
import { JOB_ID_GENERATOR, MAPS } from './map-names.js';

type JobMap = IMap<string, HazelcastJsonValue>;

/** A job record together with the exact stored text it was read from (the CAS witness). */
export interface StoredJob {
  record: JobRecord;
  raw: HazelcastJsonValue;
  where: 'running' | 'finished';
}

const toValue = (record: JobRecord): HazelcastJsonValue => new HazelcastJsonValue(JSON.stringify(record));
const fromValue = (value: HazelcastJsonValue): JobRecord => JSON.parse(value.toString()) as JobRecord;

/** What an update function decides: a new record to commit, or nothing to change. */
export type JobMutation = (current: JobRecord) => JobRecord | null;

const MAX_CAS_ATTEMPTS = 50;

/**
 * Jobs in Hazelcast: running ones in one map, ended ones in another (with their history TTL),
 * the way SeaTunnel keeps engine_runningJobInfo apart from engine_finishedJobState. Every change
 * is a compare-and-set against the exact value read, so racing nodes never overwrite each other.
 */
export class JobRepository {
  private constructor(
    private readonly client: HazelcastClient,
    private readonly running: JobMap,
    private readonly finished: JobMap,
  ) {}

  static async open(client: HazelcastClient): Promise<JobRepository> {
    const [running, finished] = await Promise.all([
      client.getMap<string, HazelcastJsonValue>(MAPS.runningJobs),
      client.getMap<string, HazelcastJsonValue>(MAPS.finishedJobs),
    ]);
    return new JobRepository(client, running, finished);
  }

  /** A fresh 64-bit job id from the cluster's Flake id generator, as decimal text. */
  async newJobId(): Promise<string> {
    const generator = await this.client.getFlakeIdGenerator(JOB_ID_GENERATOR);
    return (await generator.newId()).toString();
  }

  /** Stores a new running job unless one with that id is already running; returns the winner. */
  async insertRunning(record: JobRecord): Promise<{ inserted: boolean; current: JobRecord }> {
    const previous = await this.running.putIfAbsent(record.jobId, toValue(record));
    if (previous === null || previous === undefined) return { inserted: true, current: record };
    return { inserted: false, current: fromValue(previous) };
  }

  async getRunning(jobId: string): Promise<StoredJob | null> {
    const raw = await this.running.get(jobId);
    return raw ? { record: fromValue(raw), raw, where: 'running' } : null;
  }

  async getFinished(jobId: string): Promise<StoredJob | null> {
    const raw = await this.finished.get(jobId);
    return raw ? { record: fromValue(raw), raw, where: 'finished' } : null;
  }

  /** The job wherever it is; running first, as SeaTunnel's job-info looks it up. */
  async get(jobId: string): Promise<StoredJob | null> {
    return (await this.getRunning(jobId)) ?? (await this.getFinished(jobId));
  }

  async listRunning(): Promise<JobRecord[]> {
    const values = await this.running.values();
    return values.toArray().map(fromValue);
  }

  async listFinished(): Promise<JobRecord[]> {
    const values = await this.finished.values();
    return values.toArray().map(fromValue);
  }

  async countRunning(): Promise<number> {
    return this.running.size();
  }

  /** Running jobs owned by `owner` whose projected status is due to change by `now`. */
  async listDue(owner: string, now: number): Promise<StoredJob[]> {
    const entries = await this.running.entrySetWithPredicate(
      Predicates.and(Predicates.equal('owner', owner), Predicates.lessEqual('dueAt', now)),
    );
    return entries.map(([, raw]) => ({ record: fromValue(raw), raw, where: 'running' as const }));
  }

  /** Running jobs whose owner is not among `liveOwners` (their node died). */
  async listOrphans(liveOwners: string[]): Promise<StoredJob[]> {
    const predicate = liveOwners.length === 0 ? Predicates.alwaysTrue() : Predicates.not(Predicates.inPredicate('owner', ...liveOwners));
    const entries = await this.running.entrySetWithPredicate(predicate);
    return entries.map(([, raw]) => ({ record: fromValue(raw), raw, where: 'running' as const }));
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
      if (await this.running.replaceIfSame(jobId, current.raw, toValue(committed))) return { record: committed, changed: true };
    }
    throw new Error(`compare-and-set on job ${jobId} kept losing after ${MAX_CAS_ATTEMPTS} attempts`);
  }

  /**
   * Moves an ended job into history: first the history entry (with its TTL), then removal of the
   * exact running value read. Both steps are idempotent, so a node dying in between leaves work
   * that the next attempt (by any node) completes, and the job is never lost.
   */
  async moveToHistory(current: StoredJob, ended: JobRecord, ttlMillis: number): Promise<boolean> {
    const committed = { ...ended, version: current.record.version + 1 };
    await this.finished.putIfAbsent(ended.jobId, toValue(committed), ttlMillis);
    return this.running.remove(ended.jobId, current.raw) as Promise<boolean>;
  }

  /** Removes a history entry (restoring a job from its savepoint re-runs the same id). */
  async removeFinished(stored: StoredJob): Promise<boolean> {
    return this.finished.remove(stored.record.jobId, stored.raw) as Promise<boolean>;
  }
}
