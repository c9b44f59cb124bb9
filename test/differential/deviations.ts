import type { Difference } from './compare.js';
import type { StepOutcome } from './lockstep.js';

/**
 * The one list of deliberate deviations from the real engine: a SeaTunnel behaviour we choose
 * not to copy, each with its reason. The differential and replay suites show every difference a
 * deviation explains and fail on any other. README's "Fidelity" table lists the same entries.
 */
export interface Deviation {
  id: string;
  /** What differs, in a line. */
  summary: string;
  reason: string;
  matches(step: StepOutcome, difference: Difference): boolean;
}

export const DEVIATIONS: readonly Deviation[] = [
  {
    id: 'one-port',
    summary: 'REST v1 and v2 share one port per node',
    reason:
      "SeaTunnel serves v1 on the Hazelcast member port (5801) and v2 on Jetty's (8080); a simulator node serves both on its " +
      'one port, so a v1 path asked on the v2 port answers as v1 instead of Jetty\'s 404.',
    matches: (step) => /^\w+ :8080\/hazelcast\//.test(step.request),
  },
];

export function explain(step: StepOutcome, difference: Difference): Deviation | undefined {
  return DEVIATIONS.find((d) => d.matches(step, difference));
}
