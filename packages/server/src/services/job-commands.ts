import {
  buildPlan,
  checkJob,
  checkpointRestoreRows,
  finalRows,
  isEndState,
  jobAlreadySubmitted,
  newJobRecord,
  noCheckpointFound,
  projectJob,
  readRestoreRequest,
  requestStop,
  resolveJobName,
  slotsRequired,
  type ApiProfile,
  type JobPlan,
  type JobRecord,
  type Placement,
  type RestoreRequest,
  type Submission,
} from '@seatunnel-sim/engine';
import type { JobRepository, StoredJob } from '@seatunnel-sim/cluster';
import type { Clock } from '../sim-clock.js';
import type { JobLog } from './job-log.js';
import { jobLogLines } from './job-log-lines.js';
import type { SlotGrant, SlotScheduler } from './slot-scheduler.js';
import type { HistoryRetention } from './history-retention.js';

export interface SubmitResult {
  jobId: string;
  jobName: string;
}

export interface JobCommandsOptions {
  /** The release this node speaks: what it checks a job against and how it words refusals. */
  profile: ApiProfile;
  repository: JobRepository;
  slots: SlotScheduler;
  clock: Clock;
  nodeId: string;
  jobLog: () => JobLog;
  scheduleStrategy: 'REJECT' | 'WAIT';
  history: HistoryRetention;
  /** This node's slot-service dynamic-slot: a job submitted here runs here, no reservation. */
  dynamicSlots: boolean;
}

/**
 * A restore's compare-and-set on an ended run still in the running map lost to the owner's driver
 * archiving it (step 1 of moveToHistory): answering 200 then would acknowledge a restore that never
 * happened, and the job would stay in history and expire.
 */
const LOST_TO_ARCHIVE = Symbol('lost to archive');
const MAX_RESTORE_ATTEMPTS = 5;

/** What changes jobs: submit and stop. Every write is a compare-and-set in the shared store. */
export class JobCommands {
  constructor(private readonly options: JobCommandsOptions) {}

  private get repository(): JobRepository {
    return this.options.repository;
  }

  /**
   * Submits a job. Like SeaTunnel: an id that is still running is answered as submitted (nothing
   * new starts); an id in history is refused unless starting from its savepoint, which re-runs
   * it and continues its counts from where it stopped.
   */
  async submit(submission: Submission, attempt = 0): Promise<SubmitResult> {
    checkJob(submission.config, this.options.profile.checks);
    const plan = buildPlan(submission.config);
    // 3.0 (#11421): SAVEPOINT re-runs the source job under its id, CHECKPOINT starts from its latest checkpoint.
    const restore = this.options.profile.zeta.restoreModes ? readRestoreRequest(submission) : null;
    const isStartWithSavePoint = submission.isStartWithSavePoint || restore !== null;
    const requestedId = restore?.mode === 'SAVEPOINT' ? restore.sourceJobId : submission.jobId;
    if (requestedId === undefined || requestedId === null) return this.submitNew(submission, plan, isStartWithSavePoint, restore);
    const jobId = requestedId;
    const running = await this.repository.getRunning(jobId);
    const endedInRunning = running !== null && isEndState(projectJob(running.record, this.options.clock.now()).status);
    // SeaTunnel answers with the name this request asked for, also when the id is already running.
    if (running && !endedInRunning) return { jobId, jobName: resolveJobName(submission.jobName, submission.config) };
    const previous = endedInRunning ? running : await this.repository.getFinished(jobId);
    let restoredRows: Record<string, number> | undefined;
    if (previous) {
      if (!isStartWithSavePoint) throw jobAlreadySubmitted(jobId, this.options.profile.release.submitFrame);
      restoredRows = finalRows(previous.record, this.options.clock.now());
    }
    if (restore?.mode === 'CHECKPOINT') restoredRows = await this.checkpointRows(jobId, restore);
    const written = await this.placeAndWrite(jobId, submission, plan, isStartWithSavePoint, restoredRows, { running: endedInRunning ? running : null, previous });
    if (written !== LOST_TO_ARCHIVE) return written;
    // The ended run this restore replaces was being archived by its owner meanwhile: read again
    // (it is in history now, or still in the running map in its end state) and restore that.
    if (attempt >= MAX_RESTORE_ATTEMPTS) throw new Error(`restore of job ${jobId} kept racing its archiving after ${MAX_RESTORE_ATTEMPTS} attempts`);
    return this.submit(submission, attempt + 1);
  }

  /**
   * A job without an id of its own: the id generator's next id is new to the cluster (Flake ids
   * never repeat), so there is nothing to look up first; placing and writing it are the only calls.
   */
  private async submitNew(submission: Submission, plan: JobPlan, isStartWithSavePoint: boolean, restore: RestoreRequest | null): Promise<SubmitResult> {
    const jobId = await this.repository.newJobId();
    const restoredRows = restore?.mode === 'CHECKPOINT' ? await this.checkpointRows(jobId, restore) : undefined;
    const written = await this.placeAndWrite(jobId, submission, plan, isStartWithSavePoint, restoredRows, { running: null, previous: null });
    if (written === LOST_TO_ARCHIVE) throw new Error(`new job ${jobId} found an ended run of its own id`);
    return written;
  }

  /** Places the job, builds its record and writes it; the slots reserved for it go back either way. */
  private async placeAndWrite(
    jobId: string,
    submission: Submission,
    plan: JobPlan,
    isStartWithSavePoint: boolean,
    restoredRows: Record<string, number> | undefined,
    prior: { running: StoredJob | null; previous: StoredJob | null },
  ): Promise<SubmitResult | typeof LOST_TO_ARCHIVE> {
    const { placement, owner, grant } = await this.place(jobId, plan);
    try {
      const record = newJobRecord({
        jobId,
        jobNameParam: submission.jobName,
        isStartWithSavePoint,
        config: submission.config,
        owner,
        now: this.options.clock.now(),
        plan,
        placement,
        ...(restoredRows ? { restoredRows } : {}),
      });
      return await this.write(record, placement, prior);
    } finally {
      // Written (or not): from now on the job itself accounts for its slots.
      if (grant) await this.options.slots.release(grant);
    }
  }

  /** The rows a CHECKPOINT restore continues from: the source job's (running or in history) latest completed checkpoint. */
  private async checkpointRows(jobId: string, restore: RestoreRequest): Promise<Record<string, number>> {
    const source = (await this.repository.getRunning(restore.sourceJobId)) ?? (await this.repository.getFinished(restore.sourceJobId));
    const rows = source ? checkpointRestoreRows(source.record, this.options.clock.now()) : null;
    if (!rows) throw noCheckpointFound(jobId, restore);
    return rows;
  }

  /**
   * Writes a placed job: a refused one straight to history, else into the running map, replacing
   * by compare-and-set the ended run it restores (`prior`), if any.
   */
  private async write(record: JobRecord, placement: Placement, prior: { running: StoredJob | null; previous: StoredJob | null }): Promise<SubmitResult | typeof LOST_TO_ARCHIVE> {
    const jobId = record.jobId;
    if (placement === 'reject') {
      // Refused for lack of slots: straight to history as FAILED, as SeaTunnel's JobMaster does.
      await this.repository.putFinished(record, this.options.history.termsFor(record, this.options.clock.now()));
      return { jobId, jobName: record.jobName };
    }
    let started: boolean;
    if (prior.running) {
      started = await this.repository.replaceRunning(prior.running, record);
      // Only the owner's driver changes an ended record (archiving it): this restore lost to it.
      if (!started) return LOST_TO_ARCHIVE;
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
    if (this.options.dynamicSlots) return { placement: 'run', owner: this.options.nodeId, grant: null };
    const grant = await this.options.slots.reserve(jobId, slotsRequired(plan), 'submit');
    if (grant) return { placement: 'run', owner: grant.nodeId, grant };
    return { placement: this.options.scheduleStrategy === 'WAIT' ? 'wait' : 'reject', owner: this.options.nodeId, grant: null };
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
}
