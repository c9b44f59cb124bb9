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
}
