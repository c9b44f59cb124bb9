import type { ApiVersion } from './api-types.js';

/**
 * SeaTunnel's error JSON. v1 (Hazelcast's JSON writer) leaves out a null message entirely;
 * v2 (Jackson) writes `"message":null`.
 */
export function errorBody(api: ApiVersion, message: string | null): Record<string, unknown> {
  if (message === null) return api === 'v1' ? { status: 'fail' } : { status: 'fail', message: null };
  return { status: 'fail', message };
}
