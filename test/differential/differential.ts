import { setTimeout as sleep } from 'node:timers/promises';
import { endpointOf, type CompareRules } from './compare.js';
import { send, type ExchangeAnswer, type ExchangeRequest } from './exchange.js';
import { IdMap } from './id-map.js';
import { compareStep, type StepOutcome } from './lockstep.js';
import type { ScenarioStep } from './scenario.js';

export interface DifferentialOptions {
  /** Base URL of the real engine's REST (its Hazelcast port for 2.3.8). */
  real: string;
  /** Base URLs of the simulator's nodes; steps take turns among them. */
  sim: string[];
  rules: CompareRules;
  /** How long a step may wait for `until` (ms). */
  untilMillis?: number;
}

/** Job names of the scenario and the id each side gave them. */
class Jobs {
  private readonly byName = new Map<string, { real: string; sim: string }>();

  constructor(private readonly ids: IdMap) {}

  name(name: string, real: string, sim: string): void {
    this.byName.set(name, { real, sim });
    this.ids.learn(real, sim);
  }

  /** `{job:name}` → the side's id; a name never submitted stands for itself (a client-chosen id). */
  fill(text: string, side: 'real' | 'sim'): string {
    return text.replace(/\{job:([^}]+)\}/g, (_, name: string) => this.byName.get(name)?.[side] ?? name);
  }
}

function request(step: ScenarioStep, jobs: Jobs, side: 'real' | 'sim'): ExchangeRequest {
  const headers: Record<string, string> = {};
  const contentType = step.contentType === undefined ? 'application/json' : step.contentType;
  if (step.body !== undefined && contentType !== null) headers['Content-Type'] = contentType;
  return { method: step.method, path: jobs.fill(step.path, side), headers, ...(step.body !== undefined ? { body: jobs.fill(step.body, side) } : {}) };
}

const statusOf = (answer: ExchangeAnswer): string | undefined => {
  try {
    return (JSON.parse(answer.body) as { jobStatus?: string }).jobStatus;
  } catch {
    return undefined;
  }
};

/** Waits until the real engine shows a job in one of the given states. */
async function untilReal(base: string, jobs: Jobs, until: NonNullable<ScenarioStep['until']>, millis: number): Promise<void> {
  const wanted = Array.isArray(until.status) ? until.status : [until.status];
  const path = `/hazelcast/rest/maps/job-info/${jobs.fill(`{job:${until.job}}`, 'real')}`;
  const deadline = Date.now() + millis;
  let last: string | undefined;
  while (Date.now() < deadline) {
    last = statusOf(await send(base, { method: 'GET', path, headers: {} }));
    if (last !== undefined && wanted.includes(last)) return;
    await sleep(200);
  }
  throw new Error(`the real engine's job ${until.job} did not reach ${wanted.join('/')} (last seen ${last})`);
}

/**
 * Runs a scenario against the real engine and the simulator in lockstep: each step is sent to both
 * at the same moment (a GET again until both show the same job states) and the answers compared.
 */
export async function runDifferential(steps: readonly ScenarioStep[], options: DifferentialOptions): Promise<StepOutcome[]> {
  const ids = new IdMap();
  const jobs = new Jobs(ids);
  const outcomes: StepOutcome[] = [];
  let turn = 0;
  for (const step of steps) {
    if (step.after) await sleep(step.after);
    if (step.until) await untilReal(options.real, jobs, step.until, options.untilMillis ?? 60_000);
    const node = options.sim[turn++ % options.sim.length]!;
    const realRequest = request(step, jobs, 'real');
    const outcome = await compareStep(
      {
        name: step.name,
        request: `${step.method} ${step.path}`,
        endpoint: endpointOf(realRequest.path),
        query: realRequest.path.split('?')[1] ?? '',
        repeatable: step.method === 'GET' || step.method === 'HEAD',
        head: step.method === 'HEAD',
        rules: options.rules,
        ids,
        beforeCompare: (real, sim) => {
          if (!step.names) return;
          const list = (text: string): unknown[] => {
            try {
              const value = JSON.parse(text) as unknown;
              return Array.isArray(value) ? value : [value];
            } catch {
              return [];
            }
          };
          const realIds = list(real.body).map((e) => (e as { jobId?: unknown } | null)?.jobId);
          const simIds = list(sim.body).map((e) => (e as { jobId?: unknown } | null)?.jobId);
          step.names.forEach((name, i) => {
            const r = realIds[i];
            const s = simIds[i];
            if (typeof r === 'string' && typeof s === 'string') jobs.name(name, r, s);
          });
        },
      },
      () => send(options.real, realRequest),
      () => send(node, request(step, jobs, 'sim')),
    );
    outcomes.push(outcome);
  }
  return outcomes;
}
