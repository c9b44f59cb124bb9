import type { HealthSample } from '@seatunnel-sim/engine';
import { MAPS } from './map-names.js';
import type { DocBackend, DocMap } from './store/doc-map.js';

/** What a node publishes about itself; renewed by its heartbeat. */
export interface NodeInfo {
  nodeId: string;
  name: string;
  host: string;
  port: number;
  /** Where clients reach its REST API. */
  url: string;
  pid: number;
  /** Epoch ms; the oldest live node is the master, as in SeaTunnel. */
  startTime: number;
  tags: Record<string, string>;
  slots: { total: number; dynamic: boolean };
  /** Bumped by every heartbeat: peers that see it stall probe the node (see the server's PeerWatch). */
  heartbeatSeq?: number;
  /** The port where a thread of the node answers liveness probes (the server's liveness-responder). */
  livenessPort?: number;
  /**
   * The node's latest process figures, refreshed by its heartbeat, so any node can answer
   * system-monitoring-information for all of them without calling the others.
   */
  health?: HealthSample;
}

/**
 * The master: the oldest live node, as SeaTunnel's is the oldest member. `nodes` as `list()` gives
 * them (oldest first); `isLive` leaves out nodes already known dead whose entries have not expired.
 */
export function masterOf(nodes: readonly NodeInfo[], isLive: (node: NodeInfo) => boolean = () => true): NodeInfo | undefined {
  return nodes.find(isLive);
}

/** A node that has not renewed its entry within this time drops out of the map (TTL). */
export const NODE_TTL_MILLIS = 3_000;
export const HEARTBEAT_MILLIS = 750;

/** Live nodes in the shared store: each node's entry lives only as long as its heartbeat renews it. */
export class NodeRegistry {
  private constructor(private readonly nodes: DocMap) {}

  static async open(backend: DocBackend): Promise<NodeRegistry> {
    return new NodeRegistry(await backend.map(MAPS.nodes));
  }

  async heartbeat(node: NodeInfo): Promise<void> {
    await this.nodes.set(node.nodeId, JSON.stringify(node), NODE_TTL_MILLIS);
  }

  async deregister(nodeId: string): Promise<void> {
    await this.nodes.delete(nodeId);
  }

  async get(nodeId: string): Promise<NodeInfo | null> {
    const doc = await this.nodes.get(nodeId);
    return doc ? (JSON.parse(doc.text) as NodeInfo) : null;
  }

  /** Live nodes, master (oldest) first. */
  async list(): Promise<NodeInfo[]> {
    return (await this.nodes.values())
      .map((text) => JSON.parse(text) as NodeInfo)
      .sort((a, b) => a.startTime - b.startTime || a.nodeId.localeCompare(b.nodeId));
  }
}
