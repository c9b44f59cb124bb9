import {
  buildPlan,
  checkJob,
  type ApiProfile,
  finalRows,
  isEndState,
  jobAlreadySubmitted,
  newJobRecord,
  projectJob,
  requestStop,
  resolveJobName,
  slotsHeld,
  slotsRequired,
  type JobPlan,
  type JobRecord,
  type JobSnapshot,
  type Placement,
  type Submission,
} from '@seatunnel-sim/engine';
import { SCAN_PAGE_SIZE, type JobRepository, type NodeRegistry, type StoredJob } from '@seatunnel-sim/cluster';
import type { Clock } from '../sim-clock.js';
import type { JobLog } from './job-log.js';
import { jobLogLines } from './job-log-lines.js';
import type { SlotGrant, SlotScheduler } from './slot-scheduler.js';
import type { HistoryRetention } from './history-retention.js';

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
  /** The release this node speaks: what it checks a job against and how it words refusals. */
  profile: ApiProfile;
  repository: JobRepository;
  registry: NodeRegistry;
  slots: SlotScheduler;
  clock: Clock;
  nodeId: string;
  jobLog: () => JobLog;
  scheduleStrategy: 'REJECT' | 'WAIT';
  history: HistoryRetention;
}

/**
 * A history listing up to this many jobs keeps them from its first read; a longer one keeps only
 * (finish time, id) per job, sorts, and reads the jobs again a page at a time as it answers.
 */
const KEEP_FINISHED_JOBS = 10_000;

/** What one pass over the running map tells the overview. */
interface RunningSummary {
  /** Jobs whose projection has not ended (listRunning().length). */
  running: number;
  /** Slots held per owner node id (slotsInUse()). */
  slots: Record<string, number>;
  /** Jobs that ended but are still in the running map (their owner has not archived them yet). */
  ended: JobAtNow[];
}

/** A job of a history listing, remembered by id and finish time (and the job, when kept). */
interface FinishedRef {
  jobId: string;
  finishTime: number;
  where: 'running' | 'finished';
  job: JobAtNow | undefined;
}

/** Job operations shared by every endpoint; all state lives in the repository (Hazelcast). */
export class JobService {
  private summary: Promise<RunningSummary> | undefined;

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
    checkJob(submission.config, this.options.profile.checks);
    const plan = buildPlan(submission.config);
    const jobId = submission.jobId ?? (await this.repository.newJobId());
    const running = await this.repository.getRunning(jobId);
    const endedInRunning = running !== null && isEndState(projectJob(running.record, this.options.clock.now()).status);
    // SeaTunnel answers with the name this request asked for, also when the id is already running.
    if (running && !endedInRunning) return { jobId, jobName: resolveJobName(submission.jobName, submission.config) };
    const previous = endedInRunning ? running : await this.repository.getFinished(jobId);
    let restoredRows: Record<string, number> | undefined;
    if (previous) {
      if (!submission.isStartWithSavePoint) throw jobAlreadySubmitted(jobId, this.options.profile.release.submitFrame);
      restoredRows = finalRows(previous.record, this.options.clock.now());
    }
    const { placement, owner, grant } = await this.place(jobId, plan);
    try {
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
      return await this.write(record, placement, { running: endedInRunning ? running : null, previous });
    } finally {
      // Written (or not): from now on the job itself accounts for its slots.
      if (grant) await this.options.slots.release(grant);
    }
  }

  /**
   * Writes a placed job: a refused one straight to history, else into the running map, replacing
   * by compare-and-set the ended run it restores (`prior`), if any.
   */
  private async write(record: JobRecord, placement: Placement, prior: { running: StoredJob | null; previous: StoredJob | null }): Promise<SubmitResult> {
    const jobId = record.jobId;
    if (placement === 'reject') {
      // Refused for lack of slots: straight to history as FAILED, as SeaTunnel's JobMaster does.
      await this.repository.putFinished(record, this.options.history.termsFor(record, this.options.clock.now()));
      return { jobId, jobName: record.jobName };
    }
    let started: boolean;
    if (prior.running) {
      started = await this.repository.replaceRunning(prior.running, record);
    } else {
      const { inserted } = await this.repository.insertRunning(record);
      started = inserted;
      if (inserted && prior.previous) await this.repository.removeFinished(prior.previous);
    }
    if (started) for (const line of jobLogLines.submitted(record)) this.options.jobLog().write(jobId, 'INFO', line.logger, line.message);
    // The name this request asked for, whichever racing submit wrote the job (SeaTunnel echoes its request).
    return { jobId, jobName: record.jobName };
  }

  /**
   * Scheduling: with dynamic slots every job runs here; with fixed `slot-num` a job needs free
   * slots on one node (this node first, then the one with most free), reserved atomically, else
   * WAIT keeps it pending and REJECT fails it.
   */
  private async place(jobId: string, plan: JobPlan): Promise<{ placement: Placement; owner: string; grant: SlotGrant | null }> {
    const self = this.options.nodeId;
    const me = await this.options.registry.get(self);
    if (!me || me.slots.dynamic) return { placement: 'run', owner: self, grant: null };
    const grant = await this.options.slots.reserve(jobId, slotsRequired(plan), 'submit');
    if (grant) return { placement: 'run', owner: grant.nodeId, grant };
    return { placement: this.options.scheduleStrategy === 'WAIT' ? 'wait' : 'reject', owner: self, grant: null };
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
   * listRunning a page at a time (running-jobs of any size): the same jobs, projected at one
   * `now`, without holding them all at once.
   */
  async *runningPages(): AsyncGenerator<JobAtNow[]> {
    const now = this.options.clock.now();
    for await (const records of this.repository.scanRunning()) {
      yield records.map((r) => this.atNow(r, now)).filter((job) => !isEndState(job.snapshot.status));
    }
  }

  /**
   * History, optionally one status (case-insensitive; unknown → empty), sorted by finish time
   * as SeaTunnel sorts it. Includes jobs that ended but whose owner has not yet moved them
   * (of the running map only the entries that can have ended are read: see listMaybeEnded).
   */
  async listFinished(state?: string): Promise<JobAtNow[]> {
    const now = this.options.clock.now();
    // Running map first, history second: a job archived in between is then in the second read
    // (reading both at once could miss it in both).
    const running = await this.repository.listMaybeEnded(now);
    const finished = await this.repository.listFinished();
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
   * listFinished a page at a time, for finished-jobs of any size: the same jobs in the same order.
   * Up to KEEP_FINISHED_JOBS jobs come from one read; beyond, the first read keeps only each
   * job's id and finish time and the jobs are read again by id, page by page, in finish order
   * (a job that leaves history in between is left out).
   */
  async *finishedPages(state?: string, pageSize = SCAN_PAGE_SIZE): AsyncGenerator<JobAtNow[]> {
    const now = this.options.clock.now();
    const wanted = state?.toUpperCase();
    // Running map before history, as in listFinished: a job archived in between is not missed.
    const maybeEnded = await this.repository.listMaybeEnded(now);
    const refs: FinishedRef[] = [];
    const seen = new Set<string>();
    let keep = true;
    const consider = (record: JobRecord, where: FinishedRef['where']): void => {
      if (seen.has(record.jobId)) return;
      const job = this.atNow(record, now);
      if (!isEndState(job.snapshot.status)) return;
      if (wanted && job.snapshot.status !== wanted) return;
      seen.add(record.jobId);
      refs.push({ jobId: record.jobId, finishTime: job.snapshot.finishTime ?? 0, where, job: keep ? job : undefined });
      if (keep && refs.length > KEEP_FINISHED_JOBS) {
        keep = false;
        for (const ref of refs) ref.job = undefined;
      }
    };
    for await (const records of this.repository.scanFinished(pageSize)) for (const record of records) consider(record, 'finished');
    for (const record of maybeEnded) consider(record, 'running');
    refs.sort((a, b) => a.finishTime - b.finishTime);
    const page = async (from: number): Promise<JobAtNow[]> => {
      const slice = refs.slice(from, from + pageSize);
      if (keep) return slice.map((ref) => ref.job!);
      const ids = (where: FinishedRef['where']) => slice.filter((ref) => ref.where === where).map((ref) => ref.jobId);
      const [finished, running] = await Promise.all([this.repository.getAllFinished(ids('finished')), this.repository.getAllRunning(ids('running'))]);
      // Ended jobs seen in the running map may have been archived since: look for them in history.
      const moved = ids('running').filter((id) => !running.has(id));
      const archived = moved.length > 0 ? await this.repository.getAllFinished(moved) : new Map<string, JobRecord>();
      const jobs: JobAtNow[] = [];
      for (const ref of slice) {
        const record = ref.where === 'finished' ? finished.get(ref.jobId) : (running.get(ref.jobId) ?? archived.get(ref.jobId));
        const job = record && this.atNow(record, now);
        if (job && isEndState(job.snapshot.status) && (!wanted || job.snapshot.status === wanted)) jobs.push(job);
      }
      return jobs;
    };
    let next = refs.length > 0 ? page(0) : null;
    for (let from = 0; next; from += pageSize) {
      const jobs = await next;
      next = from + pageSize < refs.length ? page(from + pageSize) : null;
      next?.catch(() => undefined); // prefetched: the reader may stop (client gone) before awaiting it
      yield jobs;
    }
  }

  /**
   * Overview counters as SeaTunnel computes them: runningJobs = everything not yet in history;
   * finished/failed/cancelled = history entries with exactly that status (SAVEPOINT_DONE counts nowhere).
   * One pass over the running map (shared with a concurrent slotsInUse) and three indexed
   * counts of history, plus the ended jobs not yet archived, each counted once.
   */
  async overviewCounters(): Promise<OverviewCounters> {
    // The running map first: a job that has ended but is still there is counted from it and left
    // out of the history counts, so a job archived meanwhile is counted exactly once.
    const summary = await this.runningSummary();
    const ended = summary.ended.map((job) => job.record.jobId);
    const [finishedJobs, failedJobs, cancelledJobs] = await Promise.all([
      this.repository.countFinishedWithStatus('FINISHED', ended),
      this.repository.countFinishedWithStatus('FAILED', ended),
      this.repository.countFinishedWithStatus('CANCELED', ended),
    ]);
    const counters: OverviewCounters = { runningJobs: summary.running, finishedJobs, failedJobs, cancelledJobs };
    for (const job of summary.ended) {
      if (job.snapshot.status === 'FINISHED') counters.finishedJobs++;
      else if (job.snapshot.status === 'FAILED') counters.failedJobs++;
      else if (job.snapshot.status === 'CANCELED') counters.cancelledJobs++;
    }
    return counters;
  }

  /** One pass over the running map, a page at a time; concurrent callers share the pass. */
  private runningSummary(): Promise<RunningSummary> {
    return (this.summary ??= (async () => {
      const now = this.options.clock.now();
      const summary: RunningSummary = { running: 0, slots: {}, ended: [] };
      for await (const records of this.repository.scanRunning()) {
        for (const record of records) {
          const job = this.atNow(record, now);
          if (isEndState(job.snapshot.status)) {
            summary.ended.push(job);
            continue;
          }
          summary.running++;
          summary.slots[record.owner] = (summary.slots[record.owner] ?? 0) + slotsHeld({ record, status: job.snapshot.status });
        }
      }
      return summary;
    })().finally(() => {
      this.summary = undefined;
    }));
  }

  /** Count of jobs per projected status (running map and history), for telemetry. */
  async countByStatus(): Promise<Record<string, number>> {
    const now = this.options.clock.now();
    const running = await this.repository.listRunning(); // before history: see listFinished
    const finished = await this.repository.listFinished();
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
    return { ...(await this.runningSummary()).slots };
  }
}
