import type { JobPlan, JobRecord } from '@seatunnel-sim/engine';

/**
 * The stored JSON text of a job record. The plan (about two thirds of a record, and the same for
 * every job submitted with the same config) is written as the last key, so a reader can split it
 * off the text and share one parsed, frozen plan between all records with the same plan text
 * instead of parsing it again for each (listings read thousands of records per request).
 * The document is plain JSON with the same fields either way; records stored in another key
 * order (older writers) are parsed whole.
 */
const PLAN_KEY = ',"plan":';

export function encodeJob(record: JobRecord): string {
  const { plan, ...rest } = record;
  const head = JSON.stringify(rest);
  return `${head.slice(0, -1)}${PLAN_KEY}${JSON.stringify(plan)}}`;
}

const MAX_PLANS = 512;
const plans = new Map<string, JobPlan>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

let lastText = '';
let lastPlan: JobPlan | undefined;

/** One parsed, frozen plan per distinct plan text (the most recent MAX_PLANS texts). */
function internPlan(text: string): JobPlan {
  // Records read together mostly share one plan: comparing with the last text is cheaper than
  // hashing the text for the map lookup.
  if (lastPlan && text === lastText) return lastPlan;
  let plan = plans.get(text);
  if (plan) {
    lastText = text;
    lastPlan = plan;
    return plan;
  }
  plan = deepFreeze(JSON.parse(text) as JobPlan);
  if (typeof plan !== 'object' || plan === null || !Array.isArray(plan.sourceTables)) throw new Error('not a plan');
  plans.set(text, plan);
  if (plans.size > MAX_PLANS) plans.delete(plans.keys().next().value!);
  lastText = text;
  lastPlan = plan;
  return plan;
}

/**
 * Parses a stored record. The plan of the returned record is shared and frozen: copy it before
 * changing it (nothing does: plans are built once at submit).
 */
export function decodeJob(text: string): JobRecord {
  // Written by encodeJob, the text ends with the plan object's and the record's closing braces
  // (an older record ends with its errorMsg, a string or null).
  const at = text.endsWith('}}') ? text.lastIndexOf(PLAN_KEY) : -1;
  if (at > 0) {
    try {
      const head = JSON.parse(`${text.slice(0, at)}}`) as Partial<JobRecord>;
      // A `,"plan":` found elsewhere (a record stored in another key order) leaves the real
      // plan in the head, or a tail that is no plan: parse the whole text then.
      if (head !== null && typeof head === 'object' && !('plan' in head)) {
        head.plan = internPlan(text.slice(at + PLAN_KEY.length, -1));
        return head as JobRecord;
      }
    } catch {
      /* fall through */
    }
  }
  return JSON.parse(text) as JobRecord;
}
