import {
  isEndState,
  jobAlreadySubmitted,
  newJobRecord,
  projectJob,
  type JobRecord,
  type JobSnapshot,
  type Submission,
} from '@seatunnel-sim/engine';
import type { JobRepository } from '@seatunnel-sim/cluster';
import type { Clock } from '../sim-clock.js';

/** A job and what it looks like now. */
export interface JobAtNow {
  record: JobRecord;
  snapshot: JobSnapshot;
}

export interface SubmitResult {
  jobId: string;
  jobName: string;
}

/** Job operations shared by every endpoint; all state lives in the repository (Hazelcast). */
export class JobService {
  constructor(
    private readonly repository: JobRepository,
    private readonly clock: Clock,
    private readonly nodeId: string,
  ) {}

  private atNow(record: JobRecord): JobAtNow {
    return { record, snapshot: projectJob(record, this.clock.now()) };
  }

  /**
   * Submits a job. Like SeaTunnel: an id that is still running is answered as submitted (nothing
   * new starts); an id in history is refused unless starting from its savepoint.
   */
  async submit(submission: Submission): Promise<SubmitResult> {
    const jobId = submission.jobId ?? (await this.repository.newJobId());
    const running = await this.repository.getRunning(jobId);
    if (running) return { jobId, jobName: running.record.jobName };
    const finished = await this.repository.getFinished(jobId);
    if (finished && !submission.isStartWithSavePoint) throw jobAlreadySubmitted(jobId);
    const record = newJobRecord({
      jobId,
      jobNameParam: submission.jobName,
      isStartWithSavePoint: submission.isStartWithSavePoint,
      config: submission.config,
      owner: this.nodeId,
      now: this.clock.now(),
    });
    const { current } = await this.repository.insertRunning(record);
    return { jobId, jobName: current.jobName };
  }

  /** The job by id, running or in history; null when unknown or expired. */
  async find(jobId: string): Promise<JobAtNow | null> {
    const stored = await this.repository.get(jobId);
    return stored ? this.atNow(stored.record) : null;
  }

  /** Jobs still in the running map whose projection has not ended yet. */
  async listRunning(): Promise<JobAtNow[]> {
    const records = await this.repository.listRunning();
    return records.map((r) => this.atNow(r)).filter((job) => !isEndState(job.snapshot.status));
  }

  /**
   * Overview counters as SeaTunnel computes them: runningJobs = everything not yet in history;
   * finished/failed/cancelled = history entries with exactly that status (SAVEPOINT_DONE counts nowhere).
   */
  async overviewCounters(): Promise<OverviewCounters> {
    const [running, finished] = await Promise.all([this.repository.listRunning(), this.repository.listFinished()]);
    const counters: OverviewCounters = { runningJobs: 0, finishedJobs: 0, failedJobs: 0, cancelledJobs: 0 };
    const count = (status: string) => {
      if (status === 'FINISHED') counters.finishedJobs++;
      else if (status === 'FAILED') counters.failedJobs++;
      else if (status === 'CANCELED') counters.cancelledJobs++;
    };
    for (const record of running) {
      const status = projectJob(record, this.clock.now()).status;
      if (isEndState(status)) count(status);
      else counters.runningJobs++;
    }
    for (const record of finished) count(record.status);
    return counters;
  }

  /** Slots held by running jobs, per owner node id (a job holds `parallelism` slots on its owner). */
  async slotsInUse(): Promise<Record<string, number>> {
    const slots: Record<string, number> = {};
    for (const job of await this.listRunning()) {
      if (job.snapshot.status === 'RUNNING' || job.snapshot.status === 'DOING_SAVEPOINT' || job.snapshot.status === 'CANCELING') {
        slots[job.record.owner] = (slots[job.record.owner] ?? 0) + job.record.plan.parallelism;
      }
    }
    return slots;
  }
}

export interface OverviewCounters {
  runningJobs: number;
  finishedJobs: number;
  failedJobs: number;
  cancelledJobs: number;
}
