import { randomInt } from 'node:crypto';

/** SeaTunnel's v2 servlet class per endpoint (JettyService's servlet map, spec Appendix B). */
const SERVLET_CLASSES: Record<string, string> = {
  overview: 'OverviewServlet',
  'running-jobs': 'RunningJobsServlet',
  'finished-jobs': 'FinishedJobsServlet',
  'system-monitoring-information': 'SystemMonitoringServlet',
  'job-info': 'JobInfoServlet',
  'running-job': 'JobInfoServlet',
  'thread-dump': 'ThreadDumpServlet',
  'submit-job/upload': 'SubmitJobByUploadFileServlet',
  'submit-job': 'SubmitJobServlet',
  'submit-jobs': 'SubmitJobsServlet',
  'stop-job': 'StopJobServlet',
  'stop-jobs': 'StopJobsServlet',
  'encrypt-config': 'EncryptConfigServlet',
  'update-tags': 'UpdateTagsServlet',
  'running-threads': 'RunningThreadsServlet',
  logs: 'AllNodeLogServlet',
  log: 'CurrentNodeLogServlet',
  'get-all-log-name': 'AllLogNameServlet',
  metrics: 'MetricsServlet',
  openmetrics: 'MetricsServlet',
  'pending-jobs': 'PendingJobsServlet',
  'jobs/checkpoints': 'CheckpointOverviewServlet',
  'jobs/checkpoints/history': 'CheckpointHistoryServlet',
  'resource/workers': 'WorkerResourceServlet',
  'option-rules': 'OptionRulesServlet',
  'metrics/realtime': 'RealtimeMetricsServlet',
  loggers: 'LoggersServlet',
};

// Jetty names a servlet holder `<class>-<identity hash in hex>`: fixed for the life of the process.
const holders = new Map<string, string>();

/** The SERVLET row of Jetty's error page for an endpoint's servlet, e.g. `org.apache…OverviewServlet-9f86dc3`. */
export function servletHolderName(endpoint: string): string {
  const simple = SERVLET_CLASSES[endpoint] ?? 'default';
  if (simple === 'default') return simple;
  let name = holders.get(simple);
  if (!name) {
    name = `org.apache.seatunnel.engine.server.rest.servlet.${simple}-${randomInt(0x1000000, 0x7fffffff).toString(16)}`;
    holders.set(simple, name);
  }
  return name;
}
