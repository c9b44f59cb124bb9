import { setTimeout as sleep } from 'node:timers/promises';
import { send, type ExchangeAnswer } from './exchange.js';
import { endpointOf, type CompareRules } from './compare.js';
import type { RecordedExchange } from './capture-file.js';
import { IdMap } from './id-map.js';
import { compareStep, learnIds, type StepOutcome } from './lockstep.js';

/**
 * A change a SeaTunnel release made after a recording was taken: applied to the recorded answer
 * before it is compared, so the recording speaks for the release. Each names its source.
 */
export interface RecordingAdjustment {
  /** Which recordings it applies to (file name pattern). */
  files: RegExp;
  /** The PR, release note or spec section that made the change. */
  source: string;
  adjust(answer: ExchangeAnswer, exchange: RecordedExchange): ExchangeAnswer;
}

export interface ReplayOptions {
  /** Base URLs of the simulator's nodes; requests take turns among them. */
  nodes: string[];
  /** The comparison rules for a recording made on a port (5801: v1, 8080: v2). */
  rules: (port: number) => CompareRules;
  adjustments: readonly RecordingAdjustment[];
  /** Path prefix of REST v2 on the simulator (its context path), for recordings made on port 8080. */
  v2Prefix?: string;
  /**
   * What the recorded engine had done before a file that the recording does not show (by file
   * name): run against our cluster first, so the replayed request meets the same state.
   */
  before?: Readonly<Record<string, (node: string) => Promise<void>>>;
  /** Pauses between requests follow the recording, each at most this long (ms; default 8000). */
  maxGapMillis?: number;
}

/**
 * Replays recorded exchanges of a real engine against the simulator, in the recorded order: the
 * recorded request (job ids mapped to the simulator's) goes to one of our nodes, and its answer is
 * compared with the recorded one. A GET is repeated until our jobs are in the recorded states.
 */
export async function replay(exchanges: readonly RecordedExchange[], options: ReplayOptions): Promise<StepOutcome[]> {
  const ids = new IdMap();
  const outcomes: StepOutcome[] = [];
  let turn = 0;
  let previous: { recordedEnd: number; answered: number } | null = null;
  for (const exchange of exchanges) {
    // Keep the recording's pace (a stop 6 s after a submit finds the job as it was then), capped
    // for the long pauses between the recorder's separate runs.
    // The pause counts from the end of the previous call (a cold engine took 2.5 s to answer its first submit).
    if (previous) {
      const gap = Math.min(Math.max(0, exchange.sentAt - previous.recordedEnd), options.maxGapMillis ?? 8_000);
      const wait = previous.answered + gap - Date.now();
      if (wait > 0) await sleep(wait);
    }
    await options.before?.[exchange.file]?.(options.nodes[0]!);
    let recorded = exchange.answer;
    for (const adjustment of options.adjustments) if (adjustment.files.test(exchange.file)) recorded = adjustment.adjust(recorded, exchange);
    const node = options.nodes[turn++ % options.nodes.length]!;
    const path = (exchange.port === 8080 ? options.v2Prefix ?? '' : '') + ids.realTextToSim(exchange.request.path);
    const request = { ...exchange.request, path, ...(exchange.request.body !== undefined ? { body: ids.realTextToSim(exchange.request.body) } : {}) };
    const outcome = await compareStep(
      {
        name: exchange.file,
        request: `${exchange.request.method} ${exchange.port === 8080 ? ':8080' : ''}${exchange.request.path}`,
        endpoint: endpointOf(exchange.request.path),
        query: exchange.request.path.split('?')[1] ?? '',
        repeatable: exchange.request.method === 'GET' || exchange.request.method === 'HEAD',
        head: exchange.request.method === 'HEAD',
        rules: options.rules(exchange.port),
        ids,
        bodyComplete: exchange.complete,
        beforeCompare: (real, sim) => {
          if (/submit-jobs?(\?|$)/.test(exchange.request.path)) learnIds(real, sim, ids);
        },
      },
      async () => recorded,
      () => send(node, request),
    );
    outcomes.push(outcome);
    previous = { recordedEnd: exchange.sentAt + exchange.seconds * 1000, answered: Date.now() };
  }
  return outcomes;
}
