import { setTimeout as sleep } from 'node:timers/promises';
import { compareAnswers, type CompareRules, type Comparison } from './compare.js';
import type { ExchangeAnswer } from './exchange.js';
import type { IdMap } from './id-map.js';
import { stateSignature } from './state-signature.js';

export interface StepOutcome {
  name: string;
  /** The request as the real side got it, e.g. `GET /hazelcast/rest/maps/overview`. */
  request: string;
  real: ExchangeAnswer;
  sim: ExchangeAnswer;
  comparison: Comparison;
  /** How long the step waited for both sides to show the same job states. */
  waitedMillis: number;
}

export interface StepOptions {
  name: string;
  request: string;
  endpoint: string;
  /** The request's query string, without '?'. */
  query?: string;
  /** A GET can be sent again until both sides show the same job states; a POST is sent once. */
  repeatable: boolean;
  rules: CompareRules;
  ids: IdMap;
  bodyComplete?: boolean;
  /** A HEAD request: bodies are not compared. */
  head?: boolean;
  syncMillis?: number;
  /** Called with the final answers before they are compared (e.g. to pair the job ids a submit returned). */
  beforeCompare?: (real: ExchangeAnswer, sim: ExchangeAnswer) => void;
}

/**
 * Asks both sides, and for a repeatable request asks again (every 100 ms, both sides) until their
 * job states agree or the sync time is up; then compares what they answered last.
 */
export async function compareStep(options: StepOptions, askReal: () => Promise<ExchangeAnswer>, askSim: () => Promise<ExchangeAnswer>): Promise<StepOutcome> {
  const started = Date.now();
  const deadline = started + (options.syncMillis ?? 15_000);
  let [real, sim] = await Promise.all([askReal(), askSim()]);
  while (options.repeatable && Date.now() < deadline) {
    const realState = stateSignature(real.body, null);
    const simState = stateSignature(sim.body, options.ids);
    if (realState === null || realState === simState) break;
    await sleep(100);
    [real, sim] = await Promise.all([askReal(), askSim()]);
  }
  options.beforeCompare?.(real, sim);
  const comparison = compareAnswers(options.endpoint, options.query ?? '', real, sim, options.rules, options.ids, {
    ...(options.bodyComplete === false ? { bodyComplete: false } : {}),
    ...(options.head ? { head: true } : {}),
  });
  return { name: options.name, request: options.request, real, sim, comparison, waitedMillis: Date.now() - started };
}

/** Pairs the job ids of two submit answers (`{"jobId":…}` or an array of them). */
export function learnIds(real: ExchangeAnswer, sim: ExchangeAnswer, ids: IdMap): void {
  if (real.status !== 200 || sim.status !== 200) return;
  let r: unknown;
  let s: unknown;
  try {
    r = JSON.parse(real.body);
    s = JSON.parse(sim.body);
  } catch {
    return;
  }
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
  const realList = list(r);
  const simList = list(s);
  realList.forEach((element, i) => {
    const realId = (element as { jobId?: unknown } | null)?.jobId;
    const simId = (simList[i] as { jobId?: unknown } | null | undefined)?.jobId;
    if (typeof realId === 'string' && typeof simId === 'string') ids.learn(realId, simId);
  });
}
