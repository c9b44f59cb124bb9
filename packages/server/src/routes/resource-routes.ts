import { workerResourcesJson } from '@seatunnel-sim/engine';
import type { ApiRequest, ApiResponse } from '../http/api-types.js';
import { workerResources } from '../services/worker-resources.js';
import type { Services } from '../services/services.js';

/** GET /resource/workers (3.0, apache/seatunnel#11909): every worker's slots, heap and running jobs; WorkerResourceServlet reads no parameters. */
export async function getWorkerResources(_req: ApiRequest, services: Services): Promise<ApiResponse> {
  return { kind: 'raw-json', text: workerResourcesJson(await workerResources(services)) };
}
