import assert from 'node:assert/strict';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import { PeerWatch, probeHttp, type ProbeResult, type WatchedPeer } from '../src/peer-watch.js';

const peer = (nodeId: string, heartbeatSeq: number | undefined, port = 1): WatchedPeer => ({ nodeId, host: '127.0.0.1', port, ...(heartbeatSeq === undefined ? {} : { heartbeatSeq }) });

function watch(results: Record<number, ProbeResult>) {
  let now = 0;
  const probed: number[] = [];
  const peerWatch = new PeerWatch({
    suspectAfterMillis: 500,
    silentDeadAfterMillis: 1_250,
    now: () => now,
    probe: async ({ port, livenessPort }) => {
      const at = livenessPort ?? port;
      probed.push(at);
      return results[at] ?? 'silent';
    },
  });
  return { peerWatch, probed, advance: (millis: number) => (now += millis) };
}

describe('PeerWatch', () => {
  it('probes a peer once its heartbeat is late: refused is dead at once, silent only after a missed beat, answered never', async () => {
    const results: Record<number, ProbeResult> = { 2: 'answered', 3: 'answered', 4: 'answered' };
    const { peerWatch, probed, advance } = watch(results);
    const peers = (seq: number) => [peer('self', seq, 9), peer('killed', 5, 2), peer('frozen', 5, 3), peer('slow', 5, 4)];
    assert.deepEqual([...(await peerWatch.provenDead(peers(1), 'self'))], []);
    assert.deepEqual(probed.splice(0).sort(), [2, 3, 4], 'first sight: is each address reachable at all?');
    // Then peer 2 is killed, peer 3 freezes (or is cut off), peer 4's heartbeats are late but it answers.
    Object.assign(results, { 2: 'refused', 3: 'silent', 4: 'answered' });
    advance(400);
    assert.deepEqual([...(await peerWatch.provenDead(peers(2), 'self'))], [], 'not late yet');
    assert.deepEqual(probed, []);
    advance(200);
    assert.deepEqual([...(await peerWatch.provenDead(peers(3), 'self'))], ['killed']);
    assert.deepEqual(probed.splice(0).sort(), [2, 3, 4], 'self is never probed');
    advance(700);
    assert.deepEqual([...(await peerWatch.provenDead(peers(4), 'self'))].sort(), ['frozen', 'killed'], 'silent through a missed beat');
    advance(10_000);
    assert.ok(!(await peerWatch.provenDead(peers(5), 'self')).has('slow'), 'a peer that answers is alive');
  });

  it('a heartbeat that moves again clears the suspicion', async () => {
    const { peerWatch, probed, advance } = watch({ 2: 'answered' });
    await peerWatch.provenDead([peer('a', 1, 2)], 'self');
    probed.splice(0);
    advance(450);
    await peerWatch.provenDead([peer('a', 2, 2)], 'self');
    advance(450);
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

  it('checks a peer anew when it advertises its liveness port, and judges it by that port', async () => {
    const results: Record<number, ProbeResult> = { 2: 'answered', 12: 'refused', 3: 'answered', 13: 'answered' };
    const { peerWatch, probed, advance } = watch(results);
    const blocked = (seq: number, liveness?: number) => ({ ...peer('blocked', seq, 2), ...(liveness ? { livenessPort: liveness } : {}) });
    const frozen = (seq: number, liveness?: number) => ({ ...peer('frozen', seq, 3), ...(liveness ? { livenessPort: liveness } : {}) });
    // First seen before their liveness threads run: the REST ports answer.
    await peerWatch.provenDead([blocked(1), frozen(1)], 'self');
    assert.deepEqual(probed.splice(0).sort(), [2, 3]);
    // A heartbeat later both advertise a liveness port: each is checked anew (one is firewalled off).
    await peerWatch.provenDead([blocked(2, 12), frozen(2, 13)], 'self');
    assert.deepEqual(probed.splice(0).sort(), [12, 13]);
    // Both stall; the firewalled port's refusal proves nothing, the frozen one's silence does.
    Object.assign(results, { 13: 'silent' });
    advance(1_300);
    assert.deepEqual([...(await peerWatch.provenDead([blocked(2, 12), frozen(2, 13)], 'self'))], ['frozen']);
    assert.deepEqual(probed.splice(0), [13], 'a peer whose address did not answer when seen is left to the TTL');
  });

  it('never suspects a peer that publishes no heartbeat sequence (left to the TTL)', async () => {
    const { peerWatch, probed, advance } = watch({ 2: 'refused' });
    await peerWatch.provenDead([peer('old', undefined, 2)], 'self');
    advance(10_000);
    assert.deepEqual([...(await peerWatch.provenDead([peer('old', undefined, 2)], 'self'))], []);
    assert.deepEqual(probed, []);
  });
});

describe('probeHttp', () => {
  // Fixed ports below the ephemeral range: a probe of a free ephemeral port can connect to itself.
  it('tells a live REST port from a closed one', async () => {
    const port = 29191;
    const server = createHttpServer((_request, response) => response.end('{}'));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    assert.equal(await probeHttp('127.0.0.1', port), 'answered');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    assert.equal(await probeHttp('127.0.0.1', port), 'refused');
  });

  it('calls a port that accepts but never answers (a frozen process) silent', async () => {
    const port = 29192;
    const held: Socket[] = [];
    const server = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const started = Date.now();
    assert.equal(await probeHttp('127.0.0.1', port, 300), 'silent');
    assert.ok(Date.now() - started < 1_000);
    for (const socket of held) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
