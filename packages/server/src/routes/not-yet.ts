import { SeaTunnelError } from '@seatunnel-sim/engine';
import type { ApiResponse } from '../http/api-types.js';

/** Placeholder for an endpoint being built (answers 501 rather than pretending). */
export async function notImplemented(): Promise<ApiResponse> {
  throw new SeaTunnelError(501, 'Not implemented yet in seatunnel-sim.');
}
