import type { Difference } from './compare.js';
import { explain, type Deviation } from './deviations.js';
import type { StepOutcome } from './lockstep.js';

export interface Verdict {
  requests: number;
  fields: number;
  /** Differences no deviation explains: each one fails the suite. */
  unexplained: Array<{ step: StepOutcome; difference: Difference }>;
  explained: Array<{ step: StepOutcome; difference: Difference; deviation: Deviation }>;
}

export function judge(outcomes: readonly StepOutcome[]): Verdict {
  const verdict: Verdict = { requests: outcomes.length, fields: 0, unexplained: [], explained: [] };
  for (const step of outcomes) {
    verdict.fields += step.comparison.fields;
    for (const difference of step.comparison.differences) {
      const deviation = explain(step, difference);
      if (deviation) verdict.explained.push({ step, difference, deviation });
      else verdict.unexplained.push({ step, difference });
    }
  }
  return verdict;
}

/** Differences of the same kind at the same place are one line, with the steps they came from. */
function grouped(items: Array<{ step: StepOutcome; difference: Difference }>): string[] {
  const groups = new Map<string, { sample: Difference; steps: string[] }>();
  for (const { step, difference } of items) {
    const at = difference.at.replace(/\[\d+\]/g, '[*]');
    const key = `${at}\u0000${difference.what}\u0000${difference.real}\u0000${difference.sim}`;
    const group = groups.get(key) ?? { sample: { ...difference, at }, steps: [] };
    group.steps.push(`${step.name} (${step.request})`);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ sample, steps }) => {
    const where = steps.length > 3 ? `${steps.slice(0, 3).join('; ')} and ${steps.length - 3} more` : steps.join('; ');
    return `  ${sample.at}: ${sample.what} [${steps.length}×: ${where}]\n      real: ${sample.real}\n      sim:  ${sample.sim}`;
  });
}

/** What a run prints: the totals, the deviations it showed, and every unexplained difference. */
export function describeVerdict(title: string, verdict: Verdict): string {
  const out = [`${title}: ${verdict.requests} requests, ${verdict.fields} fields compared, ${verdict.unexplained.length} differences, ${verdict.explained.length} explained by deviations`];
  const byDeviation = new Map<string, number>();
  for (const e of verdict.explained) byDeviation.set(e.deviation.id, (byDeviation.get(e.deviation.id) ?? 0) + 1);
  for (const [id, count] of byDeviation) out.push(`  deviation ${id}: ${count}×`);
  out.push(...grouped(verdict.unexplained));
  return out.join('\n');
}
