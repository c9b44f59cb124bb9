import { readdir, readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { isServableLogName, logFileNotFound, SeaTunnelError } from '@seatunnel-sim/engine';
import type { NodeInfo, NodeRegistry } from '@seatunnel-sim/cluster';

/** How long `/logs` waits for another node's file list before leaving that node out. */
const PEER_TIMEOUT_MILLIS = 2_000;

/** How `/logs` asks the other nodes for their file names (SeaTunnel's LogService.allLogNameList). */
export interface LogFanOut {
  /** Path of the v2 `get-all-log-name` on a peer's URL: the context path comes first, as SeaTunnel builds it. */
  path: string;
  /** Authorization header sent to the peers, null for none. */
  authorization: string | null;
  /**
   * Whether a peer's 401 only leaves it out (2.3.13 sends the credentials and skips blank answers,
   * #9968/#9977). Before, the refused answer was parsed as JSON and the listing failed (#9755).
   */
  toleratesRefusal: boolean;
  /**
   * SeaTunnel asks every member over HTTP, itself included: with its basic-auth filter on and no
   * credentials sent, its own filter refuses it too. This node reads its files directly, so the
   * refusal is reproduced here.
   */
  selfRefused: boolean;
}

/** JsonUtils.parseArray(null) on a refused answer, caught by the servlet filter as a 500. */
const refusedListing = (): SeaTunnelError => new SeaTunnelError(500, 'Json deserialization exception.');

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
    private readonly fanOut: LogFanOut = { path: '/get-all-log-name', authorization: null, toleratesRefusal: true, selfRefused: false },
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

  /**
   * Every live node's files, master first; nodes that do not answer in time are left out. A node
   * that refuses the request (401) fails the whole listing where the release did (fanOut).
   */
  async allNodes(): Promise<NodeLogs[]> {
    const { fanOut } = this;
    if (fanOut.selfRefused) throw refusedListing();
    const me = this.self();
    const nodes = await this.registry.list();
    const lists = await Promise.all(nodes.map(async (node) => (node.nodeId === me.nodeId ? await this.localNames() : await peerNames(node, fanOut))));
    if (!fanOut.toleratesRefusal && lists.includes(REFUSED)) throw refusedListing();
    return nodes.flatMap((node, i) => {
      const files = lists[i];
      return Array.isArray(files) ? [{ node, files }] : [];
    });
  }
}

const REFUSED = Symbol('refused');

/** Another node's `get-all-log-name` over its REST v2; null when unreachable or garbled, REFUSED on 401. */
async function peerNames(node: NodeInfo, fanOut: LogFanOut): Promise<string[] | null | typeof REFUSED> {
  try {
    const response = await fetch(`${node.url}${fanOut.path}`, {
      signal: AbortSignal.timeout(PEER_TIMEOUT_MILLIS),
      ...(fanOut.authorization ? { headers: { authorization: fanOut.authorization } } : {}),
    });
    if (response.status === 401) {
      await response.body?.cancel();
      return REFUSED;
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      return null;
    }
    const names: unknown = JSON.parse(await response.text());
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : null;
  } catch {
    return null;
  }
}
