import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { PeerWatch, probeTcp, type ProbeResult, type WatchedPeer } from '../src/peer-watch.js';

const peer = (nodeId: string, heartbeatSeq: number | undefined, port = 1): WatchedPeer => ({ nodeId, host: '127.0.0.1', port, ...(heartbeatSeq === undefined ? {} : { heartbeatSeq }) });

function watch(results: Record<number, ProbeResult>) {
  let now = 0;
  const probed: number[] = [];
  const peerWatch = new PeerWatch({
    suspectAfterMillis: 1_500,
    now: () => now,
    probe: async (_host, port) => {
      probed.push(port);
      return results[port] ?? 'unknown';
    },
  });
  return { peerWatch, probed, advance: (millis: number) => (now += millis) };
}

describe('PeerWatch', () => {
  it('probes a peer only once its heartbeat has stalled, and only a refused connection proves it dead', async () => {
    const results: Record<number, ProbeResult> = { 2: 'accepted', 3: 'accepted', 4: 'accepted' };
    const { peerWatch, probed, advance } = watch(results);
    const peers = (seq: number) => [peer('self', seq, 9), peer('dead', 5, 2), peer('frozen', 5, 3), peer('unreachable', 5, 4)];
    assert.deepEqual([...(await peerWatch.provenDead(peers(1), 'self'))], []);
    assert.deepEqual(probed.splice(0).sort(), [2, 3, 4], 'first sight: is each address reachable at all?');
    // Then peer 2 dies, peer 3 freezes (its kernel still accepts), peer 4 drops off the network.
    Object.assign(results, { 2: 'refused', 3: 'accepted', 4: 'unknown' });
    advance(1_000);
    assert.deepEqual([...(await peerWatch.provenDead(peers(2), 'self'))], [], 'not stalled long enough');
    assert.deepEqual(probed, []);
    advance(600);
    assert.deepEqual([...(await peerWatch.provenDead(peers(3), 'self'))], ['dead']);
    assert.deepEqual(probed.sort(), [2, 3, 4], 'self is never probed');
  });

  it('a heartbeat that moves again clears the suspicion', async () => {
    const { peerWatch, probed, advance } = watch({ 2: 'accepted' });
    await peerWatch.provenDead([peer('a', 1, 2)], 'self');
    probed.splice(0);
    advance(1_400);
    await peerWatch.provenDead([peer('a', 2, 2)], 'self');
    advance(1_400);
    assert.deepEqual([...(await peerWatch.provenDead([peer('a', 2, 2)], 'self'))], []);
    assert.deepEqual(probed, []);
  });

  it('never takes a refusal from an address that refused from the start (a wrong advertised host) as a death', async () => {
    const { peerWatch, probed, advance } = watch({ 2: 'refused' });
    await peerWatch.provenDead([peer('misconfigured', 1, 2)], 'self');
    advance(10_000);
    assert.deepEqual([...(await peerWatch.provenDead([peer('misconfigured', 1, 2)], 'self'))], []);
    assert.deepEqual(probed, [2], 'probed once, at first sight');
  });

  it('never suspects a peer that publishes no heartbeat sequence (left to the TTL)', async () => {
    const { peerWatch, probed, advance } = watch({ 2: 'refused' });
    await peerWatch.provenDead([peer('old', undefined, 2)], 'self');
    advance(10_000);
    assert.deepEqual([...(await peerWatch.provenDead([peer('old', undefined, 2)], 'self'))], []);
    assert.deepEqual(probed, []);
  });
});

describe('probeTcp', () => {
  it('tells a listening port from a closed one', async () => {
    // A fixed port below the ephemeral range: a probe of a free ephemeral port can connect to itself.
    const port = 29191;
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    assert.equal(await probeTcp('127.0.0.1', port), 'accepted');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    assert.equal(await probeTcp('127.0.0.1', port), 'refused');
  });
});
