import { isEndState, type JobStatus } from './job-status.js';
import { NEVER, type JobRecord } from './job-record.js';
import { failureStackTrace } from './failure.js';
import { lastCommitPoint, restorePoint } from './checkpoints.js';

/** What a job looks like at a given instant: its status and how far each source table got. */
export interface JobSnapshot {
  status: JobStatus;
  finishTime: number | null;
  /** Rows produced per source table path. */
  rows: Record<string, number>;
  /** Rows per source table path that sinks have committed (at the last completed checkpoint; all of them once FINISHED or SAVEPOINT_DONE). */
  committedRows: Record<string, number>;
  /** Milliseconds the job has spent producing rows (for rates). */
  activeMillis: number;
  errorMsg: string | null;
  /** Whether its source readers have started (before that, no per-table source metrics exist). */
  readersStarted: boolean;
}

/** How a RUNNING job ends by itself, if it does: all rows read, a fixed duration, or a failure. */
interface EndEvent {
  kind: 'finish' | 'fail';
  at: number;
}

/** When the sources start producing: their readers start a moment after the job runs. */
const producingSince = (record: JobRecord): number | null =>
  record.runningSince === null ? null : record.runningSince + record.plan.sim.readerStartMillis;

function rowsAt(record: JobRecord, until: number | null): Record<string, number> {
  const rows: Record<string, number> = {};
  const since = producingSince(record);
  const elapsed = since === null || until === null ? 0 : Math.max(0, until - since);
  for (const table of record.plan.sourceTables) {
    const restored = record.restoredRows[table.tablePath] ?? 0;
    const produced = restored + Math.floor((elapsed * table.rowsPerSecond) / 1000);
    const capped = table.totalRows === null ? produced : Math.min(Math.max(table.totalRows, restored), produced);
    rows[table.tablePath] = (rows[table.tablePath] ?? 0) + capped;
  }
  return rows;
}

function completionTime(record: JobRecord, running: number): number {
  if (record.plan.mode !== 'BATCH') return NEVER;
  const start = running + record.plan.sim.readerStartMillis;
  let latest = start;
  for (const table of record.plan.sourceTables) {
    if (table.totalRows === null) return NEVER;
    const remaining = Math.max(0, table.totalRows - (record.restoredRows[table.tablePath] ?? 0));
    latest = Math.max(latest, start + Math.ceil((remaining * 1000) / table.rowsPerSecond));
  }
  return latest;
}

/** When the sources' total reaches `row` (rows grow linearly per table until each table's cap). */
function timeOfRow(record: JobRecord, running: number, row: number): number {
  const start = running + record.plan.sim.readerStartMillis;
  const restored = Object.values(record.restoredRows).reduce((a, b) => a + b, 0);
  if (row <= restored) return start;
  const rate = record.plan.sourceTables.reduce((a, t) => a + t.rowsPerSecond, 0);
  return rate > 0 ? start + Math.ceil(((row - restored) * 1000) / rate) : NEVER;
}

function endEvent(record: JobRecord): EndEvent | null {
  const start = record.runningSince;
  if (start === null) return null;
  const sim = record.plan.sim;
  let finishAt = completionTime(record, start);
  if (sim.durationMillis !== null) finishAt = Math.min(finishAt, start + sim.durationMillis);
  let failAt = NEVER;
  if (sim.failAtRow !== null) failAt = Math.min(failAt, timeOfRow(record, start, sim.failAtRow));
  if (sim.failAfterMillis !== null) failAt = Math.min(failAt, start + sim.failAfterMillis);
  // A job that reaches its last row before the failure point finishes; a tie fails.
  if (failAt <= finishAt && failAt < NEVER) return { kind: 'fail', at: failAt };
  return finishAt < NEVER ? { kind: 'finish', at: finishAt } : null;
}

function frozen(record: JobRecord, status: JobStatus, until: number | null, finishTime: number | null): JobSnapshot {
  const active = record.runningSince === null || until === null ? 0 : Math.max(0, until - record.runningSince);
  const since = producingSince(record);
  const readersStarted = since !== null && until !== null && until >= since;
  const rows = rowsAt(record, until);
  return { status, finishTime, rows, committedRows: committedRows(record, status, until, rows), activeMillis: active, errorMsg: record.errorMsg, readersStarted };
}

/** A job's end commits everything it read when it ends cleanly (the final checkpoint, or the savepoint); otherwise its last completed checkpoint holds. */
function committedRows(record: JobRecord, status: JobStatus, until: number | null, rows: Record<string, number>): Record<string, number> {
  if (status === 'FINISHED' || status === 'SAVEPOINT_DONE') return rows;
  if (until === null) return rowsAt(record, null);
  return rowsAt(record, lastCommitPoint(record, until) ?? record.runningSince);
}

function projectRunning(record: JobRecord, now: number): JobSnapshot {
  const event = endEvent(record);
  if (!event || now < event.at) return frozen(record, 'RUNNING', now, null);
  if (event.kind === 'finish') return frozen(record, 'FINISHED', event.at, event.at);
  const failedAt = event.at + record.plan.sim.failingMillis;
  const snapshot = frozen(record, now >= failedAt ? 'FAILED' : 'FAILING', event.at, now >= failedAt ? failedAt : null);
  return { ...snapshot, errorMsg: record.errorMsg ?? failureStackTrace(record.plan.sim.failMessage) };
}

/** The end state a stopping/failing job reaches at `dueAt`. */
const SETTLES_TO: Partial<Record<JobStatus, JobStatus>> = {
  CANCELING: 'CANCELED',
  DOING_SAVEPOINT: 'SAVEPOINT_DONE',
  FAILING: 'FAILED',
};

/**
 * The job at instant `now` (simulation clock). Pure: the committed record plus time give the
 * status and metrics, so every node computes the same answer without writing anything; the
 * owner's driver commits transitions later, and that commit changes nothing a reader sees.
 */
export function projectJob(record: JobRecord, now: number): JobSnapshot {
  const status = record.status;
  if (status === 'RUNNING' || ((status === 'PENDING' || status === 'CREATED') && record.runningSince !== null && now >= record.runningSince)) {
    return projectRunning(record, now);
  }
  if (status === 'PENDING' || status === 'CREATED' || status === 'INITIALIZING' || status === 'SCHEDULED') {
    return frozen(record, status, null, null);
  }
  const settled = SETTLES_TO[status];
  if (settled) {
    return now >= record.dueAt ? frozen(record, settled, record.frozenAt, record.dueAt) : frozen(record, status, record.frozenAt, null);
  }
  return frozen(record, status, record.frozenAt, isEndState(status) ? record.finishTime : null);
}

/** When the projected status of a committed record next changes by itself (the driver's wake-up). */
export function nextDueAt(record: JobRecord): number {
  const status = record.status;
  if (status === 'RUNNING') {
    const event = endEvent(record);
    return event ? event.at : NEVER;
  }
  if (status === 'PENDING' || status === 'CREATED') return record.runningSince ?? record.dueAt;
  if (SETTLES_TO[status]) return record.dueAt;
  return NEVER;
}

/**
 * What the owner's driver commits for a record whose projection moved on: the projected status
 * made durable. Returns null when there is nothing to commit yet.
 */
export function settle(record: JobRecord, now: number): JobRecord | null {
  const snapshot = projectJob(record, now);
  if (snapshot.status === record.status) return null;
  if (isEndState(snapshot.status)) {
    return {
      ...record,
      status: snapshot.status,
      finishTime: snapshot.finishTime,
      frozenAt: record.frozenAt ?? (record.runningSince === null ? null : record.runningSince + snapshot.activeMillis),
      errorMsg: snapshot.errorMsg,
      dueAt: NEVER,
    };
  }
  if (snapshot.status === 'FAILING') {
    const failAt = (record.runningSince ?? now) + snapshot.activeMillis;
    return { ...record, status: 'FAILING', frozenAt: failAt, dueAt: failAt + record.plan.sim.failingMillis, errorMsg: snapshot.errorMsg };
  }
  if (snapshot.status === 'RUNNING') {
    const running: JobRecord = { ...record, status: 'RUNNING' };
    return { ...running, dueAt: nextDueAt(running) };
  }
  return null;
}

/**
 * A stop request (stop-job) applied to a record: cancel → CANCELING, savepoint → DOING_SAVEPOINT;
 * progress freezes now and the end state follows after the job's stop time. Null when the job
 * has already ended or is already stopping (SeaTunnel answers such stops as no-ops).
 */
export function requestStop(record: JobRecord, now: number, withSavepoint: boolean): JobRecord | null {
  const snapshot = projectJob(record, now);
  if (isEndState(snapshot.status) || SETTLES_TO[snapshot.status]) return null;
  const started = snapshot.status === 'RUNNING';
  return {
    ...record,
    status: withSavepoint ? 'DOING_SAVEPOINT' : 'CANCELING',
    runningSince: started ? record.runningSince : null,
    frozenAt: started ? now : null,
    dueAt: now + record.plan.sim.stopMillis,
  };
}

/**
 * A job taken over by `owner` after its node died. A running job restarts from its last completed
 * checkpoint (`checkpoint.interval`), as SeaTunnel restores a pipeline: rows after it are read again.
 */
export function adoptJob(record: JobRecord, owner: string, now: number): JobRecord {
  const snapshot = projectJob(record, now);
  if (snapshot.status !== 'RUNNING' || record.runningSince === null) return { ...record, owner };
  const restored = rowsAt(record, restorePoint(record, now));
  const resumed: JobRecord = { ...record, owner, status: 'RUNNING', restoredRows: restored, runningSince: now, frozenAt: null };
  return { ...resumed, dueAt: nextDueAt(resumed) };
}

/** Rows per source table at the job's end (a restore from savepoint continues from these). */
export function finalRows(record: JobRecord, now: number): Record<string, number> {
  return projectJob(record, now).rows;
}
