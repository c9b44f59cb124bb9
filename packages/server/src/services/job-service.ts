import {
  buildPlan,
  finalRows,
  isEndState,
  jobAlreadySubmitted,
  newJobRecord,
  projectJob,
  requestStop,
  slotsRequired,
  type JobPlan,
  type JobRecord,
  type JobSnapshot,
  type Placement,
  type Submission,
} from '@seatunnel-sim/engine';
import type { JobRepository, NodeInfo, NodeRegistry } from '@seatunnel-sim/cluster';
import type { Clock } from '../sim-clock.js';
import type { JobLog } from './job-log.js';
import { jobLogLines } from './job-log-lines.js';

/** A job and what it looks like now. */
export interface JobAtNow {
  record: JobRecord;
  snapshot: JobSnapshot;
}

export interface SubmitResult {
  jobId: string;
  jobName: string;
}

export interface OverviewCounters {
  runningJobs: number;
  finishedJobs: number;
  failedJobs: number;
  cancelledJobs: number;
}

export interface JobServiceOptions {
  repository: JobRepository;
  registry: NodeRegistry;
  clock: Clock;
  nodeId: string;
  jobLog: () => JobLog;
  scheduleStrategy: 'REJECT' | 'WAIT';
  historyTtlMillis: number;
}

/** Statuses in which a job holds its slots. */
const HOLDS_SLOTS = new Set(['RUNNING', 'DOING_SAVEPOINT', 'CANCELING', 'FAILING']);

/** Job operations shared by every endpoint; all state lives in the repository (Hazelcast). */
export class JobService {
  constructor(private readonly options: JobServiceOptions) {}

  private get repository(): JobRepository {
    return this.options.repository;
  }

  private atNow(record: JobRecord, now = this.options.clock.now()): JobAtNow {
    return { record, snapshot: projectJob(record, now) };
  }

  /**
   * Submits a job. Like SeaTunnel: an id that is still running is answered as submitted (nothing
   * new starts); an id in history is refused unless starting from its savepoint, which re-runs
   * it and continues its counts from where it stopped.
   */
  async submit(submission: Submission): Promise<SubmitResult> {
    const plan = buildPlan(submission.config);
    const jobId = submission.jobId ?? (await this.repository.newJobId());
    const running = await this.repository.getRunning(jobId);
    const endedInRunning = running !== null && isEndState(projectJob(running.record, this.options.clock.now()).status);
    if (running && !endedInRunning) return { jobId, jobName: running.record.jobName };
    const previous = endedInRunning ? running : await this.repository.getFinished(jobId);
    let restoredRows: Record<string, number> | undefined;
    if (previous) {
      if (!submission.isStartWithSavePoint) throw jobAlreadySubmitted(jobId);
      restoredRows = finalRows(previous.record, this.options.clock.now());
    }
    const { placement, owner } = await this.place(plan);
    const record = newJobRecord({
      jobId,
      jobNameParam: submission.jobName,
      isStartWithSavePoint: submission.isStartWithSavePoint,
      config: submission.config,
      owner,
      now: this.options.clock.now(),
      plan,
      placement,
      ...(restoredRows ? { restoredRows } : {}),
    });
    if (placement === 'reject') {
      // Refused for lack of slots: straight to history as FAILED, as SeaTunnel's JobMaster does.
      await this.repository.putFinished(record, this.options.historyTtlMillis);
      return { jobId, jobName: record.jobName };
    }
    let started: boolean;
    let jobName = record.jobName;
    if (running && endedInRunning) {
      started = await this.repository.replaceRunning(running, record);
      if (!started) jobName = (await this.repository.getRunning(jobId))?.record.jobName ?? jobName;
    } else {
      const { inserted, current } = await this.repository.insertRunning(record);
      started = inserted;
      jobName = current.jobName;
      if (inserted && previous) await this.repository.removeFinished(previous);
    }
    if (started) for (const line of jobLogLines.submitted(record)) this.options.jobLog().write(jobId, 'INFO', line.logger, line.message);
    return { jobId, jobName };
  }

  /**
   * Scheduling: with dynamic slots every job runs; with fixed `slot-num` a job needs free slots
   * on one node (this node first, then the least loaded), else WAIT keeps it pending and REJECT fails it.
   */
  private async place(plan: JobPlan): Promise<{ placement: Placement; owner: string }> {
    const self = this.options.nodeId;
    const nodes = await this.options.registry.list();
    const me = nodes.find((n) => n.nodeId === self);
    if (!me || me.slots.dynamic) return { placement: 'run', owner: self };
    const owner = await this.nodeWithFreeSlots(nodes, slotsRequired(plan));
    if (owner) return { placement: 'run', owner };
    return { placement: this.options.scheduleStrategy === 'WAIT' ? 'wait' : 'reject', owner: self };
  }

  /** A node with `needed` free slots (this node preferred), or null. */
  async nodeWithFreeSlots(nodes: NodeInfo[], needed: number): Promise<string | null> {
    const used = await this.slotsInUse();
    const free = (n: NodeInfo) => (n.slots.dynamic ? Infinity : n.slots.total - (used[n.nodeId] ?? 0));
    const candidates = nodes.filter((n) => free(n) >= needed).sort((a, b) => free(b) - free(a));
    const preferred = candidates.find((n) => n.nodeId === this.options.nodeId) ?? candidates[0];
    return preferred?.nodeId ?? null;
  }

  /**
   * Stops a job: cancel, or stop with savepoint. A compare-and-set from any node; stopping an
   * unknown, finished or already stopping job is a no-op, as in SeaTunnel.
   */
  async stop(jobId: string, withSavepoint: boolean): Promise<void> {
    const result = await this.repository.updateRunning(jobId, (current) => requestStop(current, this.options.clock.now(), withSavepoint));
    if (result?.changed) {
      this.options.jobLog().write(jobId, 'INFO', 'o.a.s.e.s.m.JobMaster', `Job ${result.record.jobName} (${jobId}) received ${withSavepoint ? 'savepoint' : 'cancel'} request`);
    }
  }

  /**
   * The job by id, running or in history; null when unknown or expired. Read through the
   * repository's lookup cache: a change made through another node shows once Hazelcast's entry
   * event reaches this node (see JobRepository.lookup); progress is computed at `now` anyway.
   */
  async find(jobId: string): Promise<JobAtNow | null> {
    const stored = await this.repository.lookup(jobId);
    return stored ? this.atNow(stored.record) : null;
  }

  /** Jobs still in the running map whose projection has not ended yet. */
  async listRunning(): Promise<JobAtNow[]> {
    const now = this.options.clock.now();
    const records = await this.repository.listRunning();
    return records.map((r) => this.atNow(r, now)).filter((job) => !isEndState(job.snapshot.status));
  }

  /**
   * History, optionally one status (case-insensitive; unknown → empty), sorted by finish time
   * as SeaTunnel sorts it. Includes jobs that ended but whose owner has not yet moved them.
   */
  async listFinished(state?: string): Promise<JobAtNow[]> {
    const now = this.options.clock.now();
    const [running, finished] = await Promise.all([this.repository.listRunning(), this.repository.listFinished()]);
    const wanted = state?.toUpperCase();
    const seen = new Set<string>();
    const jobs: JobAtNow[] = [];
    for (const record of [...finished, ...running]) {
      if (seen.has(record.jobId)) continue;
      const job = this.atNow(record, now);
      if (!isEndState(job.snapshot.status)) continue;
      if (wanted && job.snapshot.status !== wanted) continue;
      seen.add(record.jobId);
      jobs.push(job);
    }
    return jobs.sort((a, b) => (a.snapshot.finishTime ?? 0) - (b.snapshot.finishTime ?? 0));
  }

  /**
   * Overview counters as SeaTunnel computes them: runningJobs = everything not yet in history;
   * finished/failed/cancelled = history entries with exactly that status (SAVEPOINT_DONE counts nowhere).
   */
  async overviewCounters(): Promise<OverviewCounters> {
    const counters: OverviewCounters = { runningJobs: 0, finishedJobs: 0, failedJobs: 0, cancelledJobs: 0 };
    const [running, finished] = await Promise.all([this.listRunning(), this.listFinished()]);
    counters.runningJobs = running.length;
    for (const job of finished) {
      if (job.snapshot.status === 'FINISHED') counters.finishedJobs++;
      else if (job.snapshot.status === 'FAILED') counters.failedJobs++;
      else if (job.snapshot.status === 'CANCELED') counters.cancelledJobs++;
    }
    return counters;
  }

  /** Count of jobs per projected status (running map and history), for telemetry. */
  async countByStatus(): Promise<Record<string, number>> {
    const now = this.options.clock.now();
    const [running, finished] = await Promise.all([this.repository.listRunning(), this.repository.listFinished()]);
    const counts: Record<string, number> = {};
    const seen = new Set<string>();
    for (const record of [...finished, ...running]) {
      if (seen.has(record.jobId)) continue;
      seen.add(record.jobId);
      const status = projectJob(record, now).status;
      counts[status] = (counts[status] ?? 0) + 1;
    }
    return counts;
  }

  /** Slots held by running jobs, per owner node id. */
  async slotsInUse(): Promise<Record<string, number>> {
    const slots: Record<string, number> = {};
    for (const job of await this.listRunning()) {
      if (HOLDS_SLOTS.has(job.snapshot.status)) {
        slots[job.record.owner] = (slots[job.record.owner] ?? 0) + slotsRequired(job.record.plan);
      }
    }
    return slots;
  }
}
