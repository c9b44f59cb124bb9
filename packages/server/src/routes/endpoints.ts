import type { ApiRequest, ApiResponse } from '../http/api-types.js';
import type { Services } from '../services/services.js';
import { getJobInfo, getRunningJobs, postSubmitJob } from './job-routes.js';

export type Handler = (req: ApiRequest, services: Services) => Promise<ApiResponse>;

export interface Endpoint {
  /** Path segment after the API prefix, e.g. "running-jobs". */
  name: string;
  method: 'GET' | 'POST';
  handler: Handler;
}

/**
 * SeaTunnel's REST endpoints, in the order its v1 processor tries them (prefix matching: the
 * first name the path starts with wins, so `running-jobs` must come before `running-job`).
 */
export const ENDPOINTS: readonly Endpoint[] = [
  { name: 'running-jobs', method: 'GET', handler: getRunningJobs },
  { name: 'running-job', method: 'GET', handler: (req, s) => getJobInfo(req, s, 'running-job') },
  { name: 'job-info', method: 'GET', handler: (req, s) => getJobInfo(req, s, 'job-info') },
  { name: 'submit-job', method: 'POST', handler: postSubmitJob },
];
