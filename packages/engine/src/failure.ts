/**
 * SeaTunnel reports a failed job's `errorMsg` as the full Java stack trace of the pipeline error.
 * The simulator writes one in that style around the job's configured message.
 */
export function failureStackTrace(message: string): string {
  return [
    `org.apache.seatunnel.engine.common.exception.SeaTunnelEngineException: java.lang.RuntimeException: ${message}`,
    '\tat org.apache.seatunnel.engine.server.task.flow.SourceFlowLifeCycle.collect(SourceFlowLifeCycle.java:159)',
    '\tat org.apache.seatunnel.engine.server.task.SourceSeaTunnelTask.collect(SourceSeaTunnelTask.java:127)',
    '\tat org.apache.seatunnel.engine.server.task.SeaTunnelTask.stateProcess(SeaTunnelTask.java:165)',
    '\tat org.apache.seatunnel.engine.server.TaskExecutionService$BlockingWorker.run(TaskExecutionService.java:693)',
    '\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1128)',
    '\tat java.base/java.lang.Thread.run(Thread.java:829)',
    `Caused by: java.lang.RuntimeException: ${message}`,
    '\t... 6 more',
    '',
  ].join('\n');
}

/** SeaTunnel's answer when a job cannot get slots under job-schedule-strategy REJECT. */
export function noResourceStackTrace(jobId: string): string {
  return [
    `org.apache.seatunnel.engine.server.resourcemanager.NoEnoughResourceException: can't apply resource request for job ${jobId}`,
    '\tat org.apache.seatunnel.engine.server.resourcemanager.AbstractResourceManager.applyResources(AbstractResourceManager.java:164)',
    '\tat org.apache.seatunnel.engine.server.master.JobMaster.run(JobMaster.java:612)',
    '\tat java.base/java.lang.Thread.run(Thread.java:829)',
    '',
  ].join('\n');
}
