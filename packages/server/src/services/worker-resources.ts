import { workerResourceSnapshot, type WorkerResourceSnapshot } from '@seatunnel-sim/engine';
import type { Services } from './services.js';

/**
 * GET /resource/workers's data. SeaTunnel reads the master's resource manager (a non-master
 * forwards); every node here reads the shared store, so any node answers for the cluster. Each
 * node's heap limit is from its last published health sample.
 */
export async function workerResources(services: Pick<Services, 'queries' | 'nodes'>): Promise<WorkerResourceSnapshot> {
  const [jobs, nodes] = await Promise.all([services.queries.slotQueue(), services.nodes.liveNodes()]);
  const workers = nodes.map((node) => ({ ...node, heapMaxBytes: node.health?.heapMax ?? null }));
  return workerResourceSnapshot(workers, jobs.holding, jobs.now);
}
