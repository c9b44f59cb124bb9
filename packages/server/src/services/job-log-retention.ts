import type { JobRecord } from '@seatunnel-sim/engine';

/** Jobs looked up per store round trip when checking which log files lost their job. */
const CHECK_PAGE = 500;

/** Events of one burst (a history sweep removes many entries at once) are checked together. */
const BATCH_DELAY_MILLIS = 50;

/** What the retention needs of the job store. */
export interface JobPresence {
  getAllFinished(jobIds: string[]): Promise<Map<string, JobRecord>>;
  getAllRunning(jobIds: string[]): Promise<Map<string, JobRecord>>;
  watchHistory(listener: { changed(jobId: string): void; cleared(): void }): Promise<void>;
}

/** What the retention needs of this node's job log files. */
export interface JobLogFiles {
  jobIds(): string[];
  hasJobFile(jobId: string): boolean;
  removeJobFile(jobId: string): Promise<void>;
}

export interface JobLogRetentionOptions {
  jobs: JobPresence;
  files: JobLogFiles;
  /** A full check of every file this often (wall ms): catches events lost while the store was away. */
  sweepEveryMillis?: number;
  onError?: (error: unknown) => void;
}

/**
 * Deletes this node's `job-<id>.log` once its job has left history, as SeaTunnel 2.3.9+ does
 * (telemetry.logs.scheduled-deletion-enable, on by default: an expired history entry sends
 * CleanLogOperation to every node that ran the job). Here each node watches history itself and
 * deletes only its own files, since files are per node. A job counts as gone when neither map has
 * it; history is read before the running map, because a restore inserts the running entry before
 * it removes the history one (and archiving writes history before it removes the running entry),
 * so a job moving between the maps is always seen in one of them. A failed lookup deletes nothing.
 */
export class JobLogRetention {
  private readonly queued = new Set<string>();
  private batchTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private checking: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: JobLogRetentionOptions) {}

  /** Listens to history, checks the files left from before (jobs that expired while the node was down), then sweeps now and then. */
  async start(): Promise<void> {
    const { jobs, files } = this.options;
    // The sweep first: should listening fail now, the files still go, only later.
    this.sweepTimer = setInterval(() => this.enqueue(files.jobIds()), this.options.sweepEveryMillis ?? 60_000);
    this.sweepTimer.unref();
    this.enqueue(files.jobIds());
    await jobs.watchHistory({
      changed: (jobId) => {
        if (files.hasJobFile(jobId)) this.enqueue([jobId]);
      },
      cleared: () => this.enqueue(files.jobIds()),
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweepTimer);
    clearTimeout(this.batchTimer);
    await this.checking;
  }

  /** Resolves once every check queued so far has run (tests). */
  async settled(): Promise<void> {
    while (this.batchTimer !== undefined || this.queued.size > 0) await new Promise((resolve) => setTimeout(resolve, BATCH_DELAY_MILLIS));
    await this.checking;
  }

  private enqueue(jobIds: string[]): void {
    if (this.stopped || jobIds.length === 0) return;
    for (const id of jobIds) this.queued.add(id);
    this.batchTimer ??= setTimeout(() => {
      this.batchTimer = undefined;
      const batch = [...this.queued];
      this.queued.clear();
      this.checking = this.checking.then(() => this.check(batch)).catch((error: unknown) => this.options.onError?.(error));
    }, BATCH_DELAY_MILLIS);
    this.batchTimer.unref();
  }

  private async check(jobIds: string[]): Promise<void> {
    const { jobs, files } = this.options;
    for (let from = 0; from < jobIds.length; from += CHECK_PAGE) {
      const page = jobIds.slice(from, from + CHECK_PAGE).filter((id) => files.hasJobFile(id));
      if (page.length === 0) continue;
      const finished = await jobs.getAllFinished(page);
      const running = await jobs.getAllRunning(page.filter((id) => !finished.has(id)));
      for (const id of page) if (!finished.has(id) && !running.has(id)) await files.removeJobFile(id);
    }
  }
}
