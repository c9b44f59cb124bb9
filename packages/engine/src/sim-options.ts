/**
 * Simulation controls a job carries in its `env` block (all optional). Defaults make a FakeSource
 * batch job of 100 rows take about five seconds, as it does on a real cluster. Times are
 * simulation-clock milliseconds (the cluster's speed factor and /_sim clock apply).
 */
export interface SimOptions {
  /** Rows per second each source table produces, per unit of parallelism (`sim.rows-per-second`). */
  rowsPerSecond: number;
  /** The job ends FINISHED after this long RUNNING, batch or streaming (`sim.duration-seconds`). */
  durationMillis: number | null;
  /** The job fails once its sources have read this many rows in total (`sim.fail-at-row`). */
  failAtRow: number | null;
  /** The job fails this long after it starts running (`sim.fail-after-seconds`). */
  failAfterMillis: number | null;
  /** Message of the simulated failure (`sim.fail-message`). */
  failMessage: string;
  /** Time spent PENDING before RUNNING (`sim.slow-start-seconds`). */
  pendingMillis: number;
  /**
   * Time a RUNNING job's source readers take to start (`sim.reader-start-seconds`): no rows, and
   * no per-table source metrics yet, as a real engine shows in a job's first moments.
   */
  readerStartMillis: number;
  /** Time a stop takes: CANCELING → CANCELED, DOING_SAVEPOINT → SAVEPOINT_DONE (`sim.stop-seconds`). */
  stopMillis: number;
  /** FAILING → FAILED (`sim.failing-seconds`). */
  failingMillis: number;
  /** SeaTunnel's `checkpoint.interval` (ms): failover restores progress from the last checkpoint. */
  checkpointIntervalMillis: number;
}

export const DEFAULT_SIM_OPTIONS: SimOptions = {
  rowsPerSecond: 75,
  durationMillis: null,
  failAtRow: null,
  failAfterMillis: null,
  failMessage: 'Simulated failure',
  pendingMillis: 0,
  readerStartMillis: 300,
  stopMillis: 200,
  failingMillis: 300,
  checkpointIntervalMillis: 10_000,
};

function number(raw: string | undefined, min: number): number | null {
  if (raw === undefined) return null;
  const value = Number(raw);
  return Number.isFinite(value) && value >= min ? value : null;
}

const seconds = (raw: string | undefined): number | null => {
  const value = number(raw, 0);
  return value === null ? null : Math.round(value * 1000);
};

/** Reads the sim.* keys of `env`; invalid values fall back to the defaults (never an error). */
export function readSimOptions(env: Record<string, string>): SimOptions {
  const d = DEFAULT_SIM_OPTIONS;
  const rate = number(env['sim.rows-per-second'], 0);
  return {
    rowsPerSecond: rate !== null && rate > 0 ? rate : d.rowsPerSecond,
    durationMillis: seconds(env['sim.duration-seconds']),
    failAtRow: number(env['sim.fail-at-row'], 0),
    failAfterMillis: seconds(env['sim.fail-after-seconds']),
    failMessage: env['sim.fail-message'] ?? d.failMessage,
    pendingMillis: seconds(env['sim.slow-start-seconds']) ?? d.pendingMillis,
    readerStartMillis: seconds(env['sim.reader-start-seconds']) ?? d.readerStartMillis,
    stopMillis: seconds(env['sim.stop-seconds']) ?? d.stopMillis,
    failingMillis: seconds(env['sim.failing-seconds']) ?? d.failingMillis,
    checkpointIntervalMillis: number(env['checkpoint.interval'], 1) ?? d.checkpointIntervalMillis,
  };
}
