import { appendFile, unlink } from 'node:fs/promises';
import { mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { isServableLogName, jobLogFileName, log4jLine } from '@seatunnel-sim/engine';
import type { Clock } from '../sim-clock.js';
import { RollingFile, SEATUNNEL_ROLLOVER, type RolloverPolicy } from './log-rollover.js';

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

/** `job-<id>.log` → id; null for other names. */
const jobIdOfFile = (name: string): string | null => /^job-(-?\d+)\.log$/.exec(name)?.[1] ?? null;

export interface FileJobLogOptions {
  /** Told of a failed write or delete; never reaches the job. */
  onError?: (error: unknown) => void;
  /** SeaTunnel's log4j2 routing appender: each job's lines in its own `job-<id>.log`. */
  splitJobLogs?: boolean;
  /** When the node's own files roll over (default: the shipped log4j2.properties' figures). */
  rollover?: RolloverPolicy;
}

/**
 * Appends log lines to the files of `dir` (created at start). Writes are asynchronous so a job
 * transition never waits on the disk, but lines of one file stay in order (one chain per file);
 * a failed write is reported to `onError` and never reaches the job. The node's own files roll
 * over as log4j's RollingFile does; job files go when their job leaves history (JobLogRetention).
 */
export class FileJobLog implements JobLog {
  readonly dir: string;
  private readonly pending = new Map<string, Promise<void>>();
  /** Lines (with the clock's time when written) waiting for their file's next append. */
  private readonly queued = new Map<string, { text: string; at: number }[]>();
  private readonly onError: (error: unknown) => void;
  private readonly splitJobLogs: boolean;
  private readonly rolling: Map<string, RollingFile>;
  /** Jobs with a file in `dir`: those found at start and those written since. */
  private readonly jobFiles = new Set<string>();

  constructor(
    dir: string,
    private readonly clock: Clock,
    options: FileJobLogOptions = {},
  ) {
    this.dir = resolve(dir);
    this.onError = options.onError ?? (() => undefined);
    this.splitJobLogs = options.splitJobLogs ?? false;
    mkdirSync(this.dir, { recursive: true });
    const policy = options.rollover ?? SEATUNNEL_ROLLOVER;
    this.rolling = new Map([SERVER_LOG, SERVER_OUT].map((name) => [name, new RollingFile(this.dir, name, policy)]));
    for (const name of readdirSync(this.dir)) {
      const jobId = jobIdOfFile(name);
      if (jobId !== null) this.jobFiles.add(jobId);
    }
  }

  /** The jobs that have a log file on this node. */
  jobIds(): string[] {
    return [...this.jobFiles];
  }

  /** Whether this node has a log file of the job. */
  hasJobFile(jobId: string): boolean {
    return this.jobFiles.has(jobId);
  }

  /**
   * Deletes the job's log file once the lines queued for it are written (SeaTunnel's
   * TaskLogManagerService.clean when the job's history entry expires).
   */
  async removeJobFile(jobId: string): Promise<void> {
    const name = jobLogFileName(jobId);
    if (!this.jobFiles.delete(jobId) || !isServableLogName(name)) return;
    this.chain(name, () =>
      unlink(resolve(this.dir, name)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      }),
    );
    await this.pending.get(name);
  }

  write(jobId: string, level: 'INFO' | 'WARN' | 'ERROR', logger: string, message: string): void {
    const thread = jobId === '' ? 'main' : threadName(jobId);
    const line = log4jLine(this.clock.now(), level, logger, thread, message);
    if (this.splitJobLogs && jobId !== '') {
      const name = jobLogFileName(jobId);
      // Ids are parsed as Java longs before they get here; anything else never becomes a path.
      if (isServableLogName(name)) {
        this.jobFiles.add(jobId);
        this.append(name, line);
      }
      return;
    }
    // The shipped pattern puts the job id (log4j's ST-JID) in front of every line.
    this.append(SERVER_LOG, `[${jobId}] ${line}`);
    this.append(SERVER_OUT, `[${jobId}] ${line}`);
  }

  /**
   * Queues a line for `name`. Lines that arrive while the file's previous append is in flight go
   * out together in the next one: under load (a submit writes several lines, each to two files)
   * one open-write-close per line was most of a node's work.
   */
  private append(name: string, line: string): void {
    const entry = { text: line, at: this.clock.now() };
    const waiting = this.queued.get(name);
    if (waiting) {
      waiting.push(entry);
      return;
    }
    this.queued.set(name, [entry]);
    this.chain(name, () => {
      const lines = this.queued.get(name) ?? [];
      this.queued.delete(name);
      const rolling = this.rolling.get(name);
      return rolling ? this.appendRolling(name, rolling, lines) : appendFile(resolve(this.dir, name), lines.map((l) => l.text).join(''), 'utf8');
    });
  }

  /**
   * Appends lines in as few writes as the file's rollover allows: each line is accounted for as it
   * joins the pending chunk, and where the file must roll before a line (its size, its day) the
   * chunk so far is written and the file rolled first.
   */
  private async appendRolling(name: string, rolling: RollingFile, lines: readonly { text: string; at: number }[]): Promise<void> {
    const path = resolve(this.dir, name);
    let chunk = '';
    for (const line of lines) {
      const bytes = Buffer.byteLength(line.text, 'utf8');
      if (rolling.due(bytes, line.at)) {
        if (chunk !== '') await appendFile(path, chunk, 'utf8');
        chunk = '';
        await rolling.roll(line.at);
      }
      chunk += line.text;
      rolling.wrote(bytes, line.at);
    }
    if (chunk !== '') await appendFile(path, chunk, 'utf8');
  }

  /** Runs `step` after every earlier step on the same file. */
  private chain(name: string, step: () => Promise<void>): void {
    const previous = this.pending.get(name) ?? Promise.resolve();
    const next = previous
      .then(step)
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
