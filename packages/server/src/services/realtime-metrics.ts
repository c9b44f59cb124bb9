import type { JobRecord } from '@seatunnel-sim/engine';
import type { Services } from './services.js';

/**
 * The jobs RealtimeMetricsService's collector reads: the running-job map (every job not yet
 * ended), with the clock's instant. SeaTunnel keeps the buckets on the master only; here they are
 * recomputed from the shared records, so the master answers the same as it would from memory.
 */
export async function realtimeJobs(services: Pick<Services, 'queries'>): Promise<{ records: JobRecord[]; now: number }> {
  const records: JobRecord[] = [];
  for await (const page of services.queries.runningPages()) for (const job of page) records.push(job.record);
  return { records, now: services.queries.now() };
}
