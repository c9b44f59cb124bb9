import type { IdMap } from './id-map.js';

const COUNTERS = ['runningJobs', 'finishedJobs', 'failedJobs', 'cancelledJobs', 'totalSlot', 'unassignedSlot'];

/**
 * What two answers must agree on before their details are compared: the status of every job they
 * show and the overview's counters. Jobs move at their own pace on each side (a real engine's
 * batch job takes 1–3 s); a reading taken in a different state compares nothing useful, so a GET
 * is repeated until both sides show the same states. Null when the answer is not JSON.
 */
export function stateSignature(body: string, ids: IdMap | null): string | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const parts: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    if (typeof object['jobId'] === 'string' && typeof object['jobStatus'] === 'string') {
      const id = ids ? ids.simTextToReal(object['jobId']) : object['jobId'];
      // Also which shape (a just-ended job may still be in the running map: running shape, final
      // status) and whether its source readers report per-table metrics yet.
      const shape = 'finishTime' in object ? 'history' : 'running';
      const metrics = object['metrics'] as Record<string, unknown> | undefined;
      const perTable = metrics?.['TableSourceReceivedCount'];
      const readers = perTable !== null && typeof perTable === 'object' && Object.keys(perTable).length > 0 ? 'reading' : 'starting';
      parts.push(`${id}=${object['jobStatus']}/${shape}/${readers}`);
    }
    for (const key of COUNTERS) if (typeof object[key] === 'string') parts.push(`${key}=${object[key] as string}`);
  };
  visit(json);
  return parts.sort().join(' ');
}
