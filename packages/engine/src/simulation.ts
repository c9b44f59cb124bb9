import { isEndState, type JobStatus } from './job-status.js';
import { NEVER, type JobRecord } from './job-record.js';

/** What a job looks like at a given instant: its status and how far each source table got. */
export interface JobSnapshot {
  status: JobStatus;
  finishTime: number | null;
  /** Rows produced per source table path. */
  rows: Record<string, number>;
  /** Milliseconds the job has spent producing rows (for rates). */
  activeMillis: number;
}

function completionTime(record: JobRecord): number {
  if (record.runningSince === null || record.plan.mode !== 'BATCH') return NEVER;
  let latest = record.runningSince;
  for (const table of record.plan.sourceTables) {
    if (table.totalRows === null) return NEVER;
    const remaining = Math.max(0, table.totalRows - (record.restoredRows[table.tablePath] ?? 0));
    latest = Math.max(latest, record.runningSince + Math.ceil((remaining * 1000) / table.rowsPerSecond));
  }
  return latest;
}

function rowsAt(record: JobRecord, until: number): Record<string, number> {
  const rows: Record<string, number> = {};
  const elapsed = record.runningSince === null ? 0 : Math.max(0, until - record.runningSince);
  for (const table of record.plan.sourceTables) {
    const restored = record.restoredRows[table.tablePath] ?? 0;
    const produced = restored + Math.floor((elapsed * table.rowsPerSecond) / 1000);
    const capped = table.totalRows === null ? produced : Math.min(table.totalRows, produced);
    rows[table.tablePath] = (rows[table.tablePath] ?? 0) + capped;
  }
  return rows;
}

/**
 * The job at instant `now` (simulation clock). Pure: the committed record plus time give the
 * status and metrics, so every node computes the same answer without writing anything.
 */
export function projectJob(record: JobRecord, now: number): JobSnapshot {
  if (record.status === 'RUNNING' && record.runningSince !== null) {
    const done = completionTime(record);
    if (now >= done) {
      return { status: 'FINISHED', finishTime: done, rows: rowsAt(record, done), activeMillis: done - record.runningSince };
    }
    return { status: 'RUNNING', finishTime: null, rows: rowsAt(record, now), activeMillis: now - record.runningSince };
  }
  const frozen = record.frozenAt ?? now;
  const active = record.runningSince === null ? 0 : Math.max(0, frozen - record.runningSince);
  return {
    status: record.status,
    finishTime: isEndState(record.status) ? record.finishTime : null,
    rows: record.runningSince === null ? zeroRows(record) : rowsAt(record, frozen),
    activeMillis: active,
  };
}

function zeroRows(record: JobRecord): Record<string, number> {
  return Object.fromEntries(record.plan.sourceTables.map((t) => [t.tablePath, record.restoredRows[t.tablePath] ?? 0]));
}

/** When the projected status of a committed record next changes by itself. */
export function nextDueAt(record: JobRecord): number {
  if (record.status === 'RUNNING') return completionTime(record);
  return NEVER;
}
