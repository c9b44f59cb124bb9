import { encryptConfig, parseJsonBody, stringifyJson } from '@seatunnel-sim/engine';
import type { ApiRequest, ApiResponse } from '../http/api-types.js';

/**
 * POST /encrypt-config: the job config with its sensitive options shaded. Pure (nothing in the
 * cluster is read or written); answered as raw JSON so 64-bit numbers in the config stay exact.
 */
export async function postEncryptConfig(req: ApiRequest): Promise<ApiResponse> {
  const shaded = encryptConfig(parseJsonBody(await req.body()));
  return { kind: 'raw-json', text: stringifyJson(shaded) };
}
