import { SeaTunnelError } from '@seatunnel-sim/engine';
import type { ApiRequest, ApiResponse } from '../http/api-types.js';
import type { Services } from '../services/services.js';

/** GET /pending-jobs (2.3.13, apache/seatunnel#10078): the pending queue with its diagnostics. */
export async function getPendingJobs(_req: ApiRequest, _services: Services): Promise<ApiResponse> {
  throw new SeaTunnelError(500, 'not yet simulated');
}
