import { appendFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { isServableLogName, jobLogFileName, log4jLine } from '@seatunnel-sim/engine';
import type { Clock } from '../sim-clock.js';

/**
 * Per-job log files on the node that runs the job (SeaTunnel's routing appender writes
 * `job-<jobId>.log`). The job service calls `write` at each lifecycle event of a job it handles.
 */
export interface JobLog {
  /** Appends one line in SeaTunnel's log format to `job-<jobId>.log` in the node's log directory. */
  write(jobId: string, level: 'INFO' | 'WARN' | 'ERROR', logger: string, message: string): void;
  /** The node's log directory (absolute). */
  readonly dir: string;
}

/** Placeholder for nodes without a log directory: drops lines. */
export const noJobLog: JobLog = { write: () => undefined, dir: '' };

/** SeaTunnel's JobMaster work runs on its task thread pool; a job keeps one thread name. */
function threadName(jobId: string): string {
  let hash = 0;
  for (const char of jobId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `hz.main.seaTunnel.task.thread-${(hash % 8) + 1}`;
}

/**
 * Appends log lines to `job-<jobId>.log` in `dir` (created at start). Writes are asynchronous so a
 * job transition never waits on the disk, but lines of one file stay in order (one chain per file);
 * a failed write is reported to `onError` and never reaches the job.
 */
export class FileJobLog implements JobLog {
  readonly dir: string;
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    dir: string,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.dir = resolve(dir);
    mkdirSync(this.dir, { recursive: true });
  }

  write(jobId: string, level: 'INFO' | 'WARN' | 'ERROR', logger: string, message: string): void {
    const name = jobLogFileName(jobId);
    // Ids are parsed as Java longs before they get here; anything else never becomes a path.
    if (!isServableLogName(name)) return;
    const line = log4jLine(this.clock.now(), level, logger, threadName(jobId), message);
    const previous = this.pending.get(name) ?? Promise.resolve();
    const next = previous
      .then(() => appendFile(resolve(this.dir, name), line, 'utf8'))
      .catch(this.onError)
      .finally(() => {
        if (this.pending.get(name) === next) this.pending.delete(name);
      });
    this.pending.set(name, next);
  }

  /** Resolves once every line written so far is on disk (tests, shutdown). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending.values()]);
  }
}
