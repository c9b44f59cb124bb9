import { appendFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { isServableLogName, jobLogFileName, log4jLine } from '@seatunnel-sim/engine';
import type { Clock } from '../sim-clock.js';

/**
 * The node's log files, as a SeaTunnel node writes them with its shipped log4j2 config: every line
 * in `seatunnel-engine-server.log` (prefixed with the job id) and its console copy in
 * `seatunnel-server.out`; with job logs split (the routing appender), a job's lines go to its own
 * `job-<jobId>.log` instead. The job service calls `write` at each lifecycle event of a job it handles.
 */
export interface JobLog {
  /** Appends one line in SeaTunnel's log format for a job (jobId '' = the node's own lines). */
  write(jobId: string, level: 'INFO' | 'WARN' | 'ERROR', logger: string, message: string): void;
  /** The node's log directory (absolute). */
  readonly dir: string;
}
/** SeaTunnel's JobMaster work runs on its task thread pool; a job keeps one thread name. */
function threadName(jobId: string): string {
  let hash = 0;
  for (const char of jobId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `hz.main.seaTunnel.task.thread-${(hash % 8) + 1}`;
}

/** The node's own files (log4j2 `fileAppender` and the daemon's stdout). */
export const SERVER_LOG = 'seatunnel-engine-server.log';
export const SERVER_OUT = 'seatunnel-server.out';

/**
 * Appends log lines to the files of `dir` (created at start). Writes are asynchronous so a job
 * transition never waits on the disk, but lines of one file stay in order (one chain per file);
 * a failed write is reported to `onError` and never reaches the job.
 */
export class FileJobLog implements JobLog {
  readonly dir: string;
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    dir: string,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly splitJobLogs = false,
  ) {
    this.dir = resolve(dir);
    mkdirSync(this.dir, { recursive: true });
  }

  write(jobId: string, level: 'INFO' | 'WARN' | 'ERROR', logger: string, message: string): void {
    const thread = jobId === '' ? 'main' : threadName(jobId);
    const line = log4jLine(this.clock.now(), level, logger, thread, message);
    if (this.splitJobLogs && jobId !== '') {
      const name = jobLogFileName(jobId);
      // Ids are parsed as Java longs before they get here; anything else never becomes a path.
      if (isServableLogName(name)) this.append(name, line);
      return;
    }
    // The shipped pattern puts the job id (log4j's ST-JID) in front of every line.
    this.append(SERVER_LOG, `[${jobId}] ${line}`);
    this.append(SERVER_OUT, `[${jobId}] ${line}`);
  }

  private append(name: string, line: string): void {
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
