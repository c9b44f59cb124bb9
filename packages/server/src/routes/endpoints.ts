import type { ApiRequest, ApiResponse } from '../http/api-types.js';
import type { Services } from '../services/services.js';
import {
  getClusterOverview,
  getRunningThreads,
  getSystemMonitoringInformation,
  getThreadDump,
  postUpdateTags,
} from './cluster-routes.js';
import { postEncryptConfig } from './config-routes.js';
import { getV2Telemetry } from './hazelcast-routes.js';
import {
  getFinishedJobs,
  getJobInfo,
  getRunningJobs,
  postStopJob,
  postStopJobs,
  postSubmitJob,
  postSubmitJobs,
  postSubmitJobUpload,
} from './job-routes.js';
import { getAllLogNames, getLocalLogs, getLogs } from './log-routes.js';
import { getCheckpointHistory, getCheckpointOverview } from './checkpoint-routes.js';
import { getPendingJobs } from './pending-routes.js';
import { getWorkerResources } from './resource-routes.js';
import { getOptionRules } from './option-rules-routes.js';
import { getRealtimeMetrics } from './realtime-routes.js';
import { deleteLogger, getLoggers, postLogger } from './loggers-routes.js';

export type Handler = (req: ApiRequest, services: Services) => Promise<ApiResponse>;

export type EndpointName =
  | 'running-jobs' | 'finished-jobs' | 'running-job' | 'job-info' | 'system-monitoring-information'
  | 'running-threads' | 'overview' | 'thread-dump' | 'get-all-log-name' | 'logs' | 'log'
  | 'submit-jobs' | 'submit-job' | 'stop-jobs' | 'stop-job' | 'encrypt-config' | 'update-tags'
  // REST v2 only (2.3.9): telemetry (MetricsServlet) and the file upload.
  | 'metrics' | 'openmetrics' | 'submit-job/upload'
  // REST v2 only (2.3.13): the pending queue and the checkpoint monitor.
  | 'pending-jobs' | 'jobs/checkpoints' | 'jobs/checkpoints/history'
  // REST v2 only (3.0): worker resources, connector option rules, realtime metrics, log levels.
  | 'resource/workers' | 'option-rules' | 'metrics/realtime' | 'loggers';

export interface Endpoint {
  /** Path segment after the API prefix, e.g. "running-jobs". */
  name: EndpointName;
  method: 'GET' | 'POST';
  handler: Handler;
  /** false: REST v2 only (v1's processor has no such path; there it stays a prefix of another or falls through). */
  v1?: false;
  /** Other methods the same servlet implements (LoggersServlet: doPost and doDelete beside doGet); v2 only. */
  more?: Partial<Record<'POST' | 'DELETE', Handler>>;
  /** JettyService registers the servlet with a MultipartConfigElement (seatunnel.engine.http's upload limits, #12072). */
  multipart?: true;
}

/**
 * SeaTunnel's REST endpoints, in the order its v1 processor tries them (prefix matching: the
 * first name the path starts with wins, so `running-jobs` comes before `running-job`, `logs`
 * before `log`, `submit-jobs` before `submit-job`).
 */
export const ENDPOINTS: readonly Endpoint[] = [
  { name: 'running-jobs', method: 'GET', handler: getRunningJobs },
  { name: 'finished-jobs', method: 'GET', handler: getFinishedJobs },
  { name: 'running-job', method: 'GET', handler: (req, s) => getJobInfo(req, s, 'running-job') },
  { name: 'job-info', method: 'GET', handler: (req, s) => getJobInfo(req, s, 'job-info') },
  { name: 'system-monitoring-information', method: 'GET', handler: getSystemMonitoringInformation },
  { name: 'running-threads', method: 'GET', handler: getRunningThreads },
  { name: 'overview', method: 'GET', handler: getClusterOverview },
  { name: 'thread-dump', method: 'GET', handler: getThreadDump },
  { name: 'get-all-log-name', method: 'GET', handler: getAllLogNames },
  { name: 'logs', method: 'GET', handler: getLogs },
  { name: 'log', method: 'GET', handler: getLocalLogs },
  { name: 'submit-jobs', method: 'POST', handler: postSubmitJobs },
  { name: 'submit-job', method: 'POST', handler: postSubmitJob },
  { name: 'stop-jobs', method: 'POST', handler: postStopJobs },
  { name: 'stop-job', method: 'POST', handler: postStopJob },
  { name: 'encrypt-config', method: 'POST', handler: postEncryptConfig },
  { name: 'update-tags', method: 'POST', handler: postUpdateTags },
  { name: 'metrics', method: 'GET', handler: (_req, s) => getV2Telemetry(s, 'prometheus'), v1: false },
  { name: 'openmetrics', method: 'GET', handler: (_req, s) => getV2Telemetry(s, 'openmetrics'), v1: false },
  { name: 'submit-job/upload', method: 'POST', handler: postSubmitJobUpload, v1: false, multipart: true },
  { name: 'pending-jobs', method: 'GET', handler: getPendingJobs, v1: false },
  { name: 'jobs/checkpoints', method: 'GET', handler: getCheckpointOverview, v1: false },
  { name: 'jobs/checkpoints/history', method: 'GET', handler: getCheckpointHistory, v1: false },
  { name: 'resource/workers', method: 'GET', handler: getWorkerResources, v1: false },
  { name: 'option-rules', method: 'GET', handler: getOptionRules, v1: false },
  { name: 'metrics/realtime', method: 'GET', handler: getRealtimeMetrics, v1: false },
  { name: 'loggers', method: 'GET', handler: getLoggers, v1: false, more: { POST: postLogger, DELETE: deleteLogger } },
];
