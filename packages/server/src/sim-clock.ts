/** The simulation clock every job's progress is computed against. */
export interface Clock {
  now(): number;
}
