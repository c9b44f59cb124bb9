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

/** Placeholder until the log writer lands: drops lines. */
export const noJobLog: JobLog = { write: () => undefined, dir: '' };
