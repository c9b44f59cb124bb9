import { connect, type Socket } from 'node:net';

/**
 * What a probe of a peer's REST port showed: `refused` (nothing listens: the process is gone),
 * `silent` (no byte back in time: frozen, or cut off from this node), `answered` (alive).
 */
export type ProbeResult = 'refused' | 'silent' | 'answered';

export interface WatchedPeer {
  nodeId: string;
  host: string;
  port: number;
  /** Bumped by every heartbeat of the peer. */
  heartbeatSeq?: number;
  /** Where the peer's liveness thread answers (see liveness-responder.ts); without it, its REST port is probed. */
  livenessPort?: number;
}

export interface PeerWatchOptions {
  /** A peer whose heartbeat has not moved for this long (by this node's clock) gets probed. */
  suspectAfterMillis: number;
  /** A probed peer that stays silent is dead once its heartbeat has not moved for this long. */
  silentDeadAfterMillis: number;
  probe: (peer: WatchedPeer) => Promise<ProbeResult>;
  now?: () => number;
}

/**
 * Tells a dead peer before its registry entry expires. The entry's TTL (3 s) has to allow for a
 * busy member, so on its own it makes failover wait up to ~3 s. A peer whose heartbeat stalls is
 * probed on its liveness port (answered by a thread of its own, so a busy node is not taken for a
 * frozen one), or with an HTTP request to its REST port when it has none:
 * - refused: nothing listens there any more (killed, or stopped): dead at once;
 * - silent (no byte within the probe's timeout) once the heartbeat has stalled for
 *   `silentDeadAfterMillis`: a frozen process (its kernel still accepts the connection, nobody
 *   reads it) or one this node can no longer reach: dead too;
 * - answered: alive, whatever its heartbeat says (e.g. its writes to a busy member are late).
 * Only a peer that answered when first seen, or when its probe address last changed, is ever judged
 * (a wrong advertised address never looks like a death; such a peer is left to the TTL).
 */
export class PeerWatch {
  private readonly seen = new Map<string, { seq: number | undefined; since: number; reachable: boolean; address: string }>();
  private readonly now: () => number;

  constructor(private readonly options: PeerWatchOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Ids of the listed peers proven dead now (never `selfId`). */
  async provenDead(peers: readonly WatchedPeer[], selfId: string): Promise<Set<string>> {
    const now = this.now();
    const listed = new Set(peers.map((p) => p.nodeId));
    for (const id of this.seen.keys()) if (!listed.has(id)) this.seen.delete(id);
    const others = peers.filter((peer) => peer.nodeId !== selfId && peer.heartbeatSeq !== undefined);
    const probes: Promise<string | null>[] = [];
    for (const peer of others) {
      const last = this.seen.get(peer.nodeId);
      // A node advertises its liveness port a heartbeat after it starts: a new address is checked anew.
      if (!last || last.address !== probeAddress(peer)) {
        probes.push(this.firstSight(peer, now));
      } else if (last.seq !== peer.heartbeatSeq) {
        this.seen.set(peer.nodeId, { ...last, seq: peer.heartbeatSeq, since: now });
      } else if (last.reachable && now - last.since >= this.options.suspectAfterMillis) {
        const stalledFor = now - last.since;
        probes.push(
          this.options.probe(peer).then((result) =>
            result === 'refused' || (result === 'silent' && stalledFor >= this.options.silentDeadAfterMillis) ? peer.nodeId : null,
          ),
        );
      }
    }
    return new Set((await Promise.all(probes)).filter((id): id is string => id !== null));
  }

  /** Remembers a new peer and whether its address answers at all; a new peer is never proven dead. */
  private async firstSight(peer: WatchedPeer, now: number): Promise<null> {
    this.seen.set(peer.nodeId, { seq: peer.heartbeatSeq, since: now, reachable: false, address: probeAddress(peer) });
    const reachable = (await this.options.probe(peer)) === 'answered';
    const entry = this.seen.get(peer.nodeId);
    if (entry) entry.reachable = reachable;
    return null;
  }
}

/**
 * Sends `GET /hazelcast/health` to host:port and waits for the first byte back (or the peer
 * closing the connection: a live TLS-only port does that to plain HTTP) for `timeoutMillis`.
 */
export function probeHttp(host: string, port: number, timeoutMillis = 500): Promise<ProbeResult> {
  return probeSocket(host, port, timeoutMillis, (socket, done) => {
    socket.once('connect', () => socket.write(`GET /hazelcast/health HTTP/1.0\r\nHost: ${host}\r\n\r\n`));
    socket.once('data', () => done('answered'));
    socket.once('end', () => done('answered'));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNRESET' ? 'answered' : 'silent'));
  });
}

/**
 * Asks a peer's liveness thread: `alive` → answered; `stalled` (its main thread has not moved for
 * the responder's stall time), no line within `timeoutMillis`, or a closed connection → silent;
 * nothing listening → refused.
 */
export function probeLiveness(host: string, port: number, timeoutMillis = 500): Promise<ProbeResult> {
  return probeSocket(host, port, timeoutMillis, (socket, done) => {
    let text = '';
    const verdict = (): ProbeResult => (text.startsWith('alive') ? 'answered' : 'silent');
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) done(verdict());
    });
    socket.once('end', () => done(verdict()));
    socket.once('error', () => done('silent'));
  });
}

/**
 * One probe connection: `talk` reads the socket and calls `done` once; a refused connection is
 * `refused` and no verdict within `timeoutMillis` is `silent` (one deadline for connecting and
 * answering: a frozen peer's kernel still completes the handshake).
 */
function probeSocket(host: string, port: number, timeoutMillis: number, talk: (socket: Socket, done: (result: ProbeResult) => void) => void): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let settled = false;
    const done = (result: ProbeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done('silent'), timeoutMillis);
    // Registered first, so it decides before talk's own error handler.
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') done('refused');
    });
    talk(socket, done);
  });
}

/** Where probePeer reaches a peer. */
const probeAddress = (peer: WatchedPeer): string => `${peer.host}:${peer.livenessPort ?? peer.port}`;

/** The probe PeerWatch uses: the peer's liveness port if it has one, else its REST port. */
export function probePeer(peer: WatchedPeer): Promise<ProbeResult> {
  return peer.livenessPort !== undefined ? probeLiveness(peer.host, peer.livenessPort) : probeHttp(peer.host, peer.port);
}
