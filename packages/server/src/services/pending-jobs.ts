import { pendingJobsReport, type PendingJobsQuery, type PendingJobsResponse } from '@seatunnel-sim/engine';
import type { Services } from './services.js';

/**
 * GET /pending-jobs's data. SeaTunnel asks the master, which holds the queue in memory; here every
 * node reads the shared store, so whichever node is asked answers for the cluster. The schedule
 * strategy is the answering node's (nodes of one cluster are configured alike).
 */
export async function pendingJobs(services: Pick<Services, 'config' | 'queries' | 'nodes'>, query: PendingJobsQuery): Promise<PendingJobsResponse> {
  const [jobs, workers] = await Promise.all([services.queries.slotQueue(), services.nodes.liveNodes()]);
  return pendingJobsReport({ ...jobs, workers, strategy: services.config.seatunnel.engine['job-schedule-strategy'] }, query);
}
