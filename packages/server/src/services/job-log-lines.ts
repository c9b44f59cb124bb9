import type { JobRecord } from '@seatunnel-sim/engine';

export interface JobLogLine {
  logger: string;
  message: string;
}

/** The lines SeaTunnel's JobMaster and coordinator log at each step of a job's life. */
export const jobLogLines = {
  submitted: (job: JobRecord): JobLogLine[] => [
    { logger: 'o.a.s.e.s.CoordinatorService', message: `received new job: ${job.jobName} (${job.jobId})` },
    { logger: 'o.a.s.e.s.m.JobMaster', message: `Init JobMaster for Job ${job.jobName} (${job.jobId})` },
    { logger: 'o.a.s.e.s.m.JobMaster', message: `Job ${job.jobName} (${job.jobId}) needed jar urls ${JSON.stringify(job.plan.pluginJars)}` },
    { logger: 'o.a.s.e.s.d.p.PhysicalPlan', message: `Job ${job.jobName} (${job.jobId}) turned from state CREATED to PENDING.` },
    ...(job.status === 'RUNNING'
      ? [{ logger: 'o.a.s.e.s.d.p.PhysicalPlan', message: `Job ${job.jobName} (${job.jobId}) turned from state PENDING to RUNNING.` }]
      : []),
  ],
  transition: (job: JobRecord, from: string, to: string): JobLogLine => ({
    logger: 'o.a.s.e.s.d.p.PhysicalPlan',
    message: `Job ${job.jobName} (${job.jobId}) turned from state ${from} to ${to}.`,
  }),
  adopted: (job: JobRecord, fromNode: string): JobLogLine => ({
    logger: 'o.a.s.e.s.CoordinatorService',
    message: `Job ${job.jobName} (${job.jobId}) restored from checkpoint after its node ${fromNode} left the cluster`,
  }),
};
