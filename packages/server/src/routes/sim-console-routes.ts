import type Router from '@koa/router';
import { masterOf } from '@seatunnel-sim/cluster';
import type { ClusterClock } from '@seatunnel-sim/cluster';
import type { Services } from '../services/services.js';
import { SIM_CONSOLE_HTML } from './sim-console-page.js';

/** The cluster as the console draws it: one read of the shared store, as any node sees it. */
export interface SimClusterView {
  clock: { now: number; iso: string; speed: number };
  /** The Hazelcast members the nodes were pointed at, and the cluster name (the store behind every node). */
  store: { clusterName: string; members: string[] };
  nodes: { nodeId: string; name: string; url: string; pid: number; startTime: number; isMaster: boolean }[];
  /** Jobs not yet ended, with the node whose driver runs them. */
  jobs: { jobId: string; jobName: string; status: string; owner: string; ownerName: string | null }[];
  /** The node that answered. */
  answeredBy: string;
}

export async function simClusterView(services: Services, clock: ClusterClock, self: string): Promise<SimClusterView> {
  const nodes = await services.nodes.liveNodes();
  const master = masterOf(nodes);
  const names = new Map(nodes.map((n) => [n.nodeId, n.name]));
  const jobs: SimClusterView['jobs'] = [];
  for await (const page of (await services.queries.running(true)).pages()) {
    for (const { record, snapshot } of page) {
      jobs.push({ jobId: record.jobId, jobName: record.jobName, status: snapshot.status, owner: record.owner, ownerName: names.get(record.owner) ?? null });
    }
  }
  const now = clock.now();
  return {
    clock: { now, iso: new Date(now).toISOString(), speed: clock.speed },
    store: { clusterName: services.config.hazelcast['cluster-name'], members: services.config.hazelcast['cluster-members'] },
    nodes: nodes.map((n) => ({ nodeId: n.nodeId, name: n.name, url: n.url, pid: n.pid, startTime: n.startTime, isMaster: n === master })),
    jobs,
    answeredBy: self,
  };
}

/**
 * The simulation console (ours, not SeaTunnel's), beside the /_sim controls and only with them:
 * `/_sim/console` is one plain HTML page that polls `/_sim/cluster` and posts to the controls.
 */
export function addSimConsole(router: Router, services: Services, clock: ClusterClock): void {
  router.get('/console', (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = SIM_CONSOLE_HTML;
  });
  router.get('/cluster', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await simClusterView(services, clock, services.config.node.name ?? '');
  });
}
