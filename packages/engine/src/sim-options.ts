/**
 * Simulation controls a job can carry in its `env` block. All optional, with defaults that make a
 * FakeSource batch job of 100 rows take about five seconds, as it does on a real cluster.
 */
export interface SimOptions {
  /** Rows per second each source table produces (per unit of parallelism). */
  rowsPerSecond: number;
}

export const DEFAULT_SIM_OPTIONS: SimOptions = { rowsPerSecond: 20 };

function positiveNumber(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function readSimOptions(env: Record<string, string>): SimOptions {
  return {
    rowsPerSecond: positiveNumber(env['sim.rows-per-second'], DEFAULT_SIM_OPTIONS.rowsPerSecond),
  };
}
