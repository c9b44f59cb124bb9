import { readdir, readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { isServableLogName, logFileNotFound } from '@seatunnel-sim/engine';
import type { NodeInfo, NodeRegistry } from '@seatunnel-sim/cluster';
import { V1_PREFIX } from '../http/api-types.js';

/** How long `/logs` waits for another node's file list before leaving that node out. */
const PEER_TIMEOUT_MILLIS = 2_000;

/** The log files of one live node. */
export interface NodeLogs {
  node: NodeInfo;
  files: string[];
}

/**
 * The node's log directory, and the cluster-wide view of all nodes' directories (each node only
 * sees its own disk, so `/logs` asks every other node for its file names over HTTP, as SeaTunnel does).
 */
export class LogService {
  constructor(
    /** Absolute path of this node's log directory. */
    readonly dir: string,
    private readonly registry: NodeRegistry,
    private readonly self: () => NodeInfo,
    /** Authorization header for the other nodes when the cluster requires credentials (they share this config). */
    private readonly peerAuthorization: string | null = null,
  ) {}

  /** File names in this node's log directory, sorted; none when the directory does not exist yet. */
  async localNames(): Promise<string[]> {
    try {
      const entries = await readdir(this.dir, { withFileTypes: true });
      return entries.filter((e) => e.isFile()).map((e) => e.name).sort();
    } catch {
      return [];
    }
  }

  /**
   * The content of one file of this node. Only plain `*.log` names directly in the directory are
   * served; anything else, like a missing file, is SeaTunnel's empty 400.
   */
  async read(name: string): Promise<string> {
    if (!isServableLogName(name)) throw logFileNotFound();
    const path = resolve(this.dir, name);
    if (!path.startsWith(this.dir + sep)) throw logFileNotFound();
    try {
      return await readFile(path, 'utf8');
    } catch {
      throw logFileNotFound();
    }
  }

  /** Every live node's files, master first; nodes that do not answer in time are left out. */
  async allNodes(): Promise<NodeLogs[]> {
    const me = this.self();
    const nodes = await this.registry.list();
    const lists = await Promise.all(
      nodes.map(async (node) => (node.nodeId === me.nodeId ? await this.localNames() : await peerNames(node, this.peerAuthorization))),
    );
    return nodes.flatMap((node, i) => {
      const files = lists[i];
      return files ? [{ node, files }] : [];
    });
  }
}

/** Another node's `get-all-log-name` (v1 answers it as text/plain JSON); null when unreachable or garbled. */
async function peerNames(node: NodeInfo, authorization: string | null): Promise<string[] | null> {
  try {
    const response = await fetch(`${node.url}${V1_PREFIX}get-all-log-name`, {
      signal: AbortSignal.timeout(PEER_TIMEOUT_MILLIS),
      ...(authorization ? { headers: { authorization } } : {}),
    });
    if (response.status !== 200) return null;
    const names: unknown = JSON.parse(await response.text());
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : null;
  } catch {
    return null;
  }
}
