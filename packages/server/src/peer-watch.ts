import { connect } from 'node:net';

/** What a TCP connect to a peer's REST port showed. */
export type ProbeResult = 'refused' | 'accepted' | 'unknown';

export interface WatchedPeer {
  nodeId: string;
  host: string;
  port: number;
  /** Bumped by every heartbeat of the peer. */
  heartbeatSeq?: number;
}

export interface PeerWatchOptions {
  /** A peer whose heartbeat has not moved for this long (by this node's clock) gets probed. */
  suspectAfterMillis: number;
  probe: (host: string, port: number) => Promise<ProbeResult>;
  now?: () => number;
}

/**
 * Tells a dead peer before its registry entry expires. The entry's TTL (3 s) has to allow for a
 * busy peer, so on its own it makes failover wait up to ~3 s. But a peer that was killed leaves
 * evidence sooner: its heartbeats stop and its REST port refuses connections (nothing listens
 * there any more). A peer whose heartbeat stalls is probed; only a refused connection counts as
 * proof, and only from a peer that accepted a connection when it was first seen (so a wrong
 * advertised address can never look like a death). A frozen or overloaded peer still has its
 * listening socket (the kernel accepts for it), an unreachable one gives no answer: both are left
 * to the TTL.
 */
export class PeerWatch {
  private readonly seen = new Map<string, { seq: number | undefined; since: number; reachable: boolean }>();
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
      if (!last) {
        probes.push(this.firstSight(peer, now));
      } else if (last.seq !== peer.heartbeatSeq) {
        this.seen.set(peer.nodeId, { ...last, seq: peer.heartbeatSeq, since: now });
      } else if (last.reachable && now - last.since >= this.options.suspectAfterMillis) {
        probes.push(this.options.probe(peer.host, peer.port).then((result) => (result === 'refused' ? peer.nodeId : null)));
      }
    }
    return new Set((await Promise.all(probes)).filter((id): id is string => id !== null));
  }

  /** Remembers a new peer and whether its address answers at all; a new peer is never proven dead. */
  private async firstSight(peer: WatchedPeer, now: number): Promise<null> {
    this.seen.set(peer.nodeId, { seq: peer.heartbeatSeq, since: now, reachable: false });
    const reachable = (await this.options.probe(peer.host, peer.port)) === 'accepted';
    const entry = this.seen.get(peer.nodeId);
    if (entry) entry.reachable = reachable;
    return null;
  }
}

/** A TCP connect to host:port, given up after `timeoutMillis`. */
export function probeTcp(host: string, port: number, timeoutMillis = 300): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result: ProbeResult): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMillis, () => done('unknown'));
    socket.once('connect', () => done('accepted'));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNREFUSED' ? 'refused' : 'unknown'));
  });
}
