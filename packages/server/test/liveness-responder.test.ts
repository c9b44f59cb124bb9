import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { startLivenessResponder } from '../src/liveness-responder.js';
import { probeLiveness, type ProbeResult } from '../src/peer-watch.js';

const PEER_WATCH_MODULE = fileURLToPath(new URL('../src/peer-watch.js', import.meta.url));

/** Keeps this test's main thread busy, as a node's would be in a long listing. */
function busyFor(millis: number): void {
  const until = Date.now() + millis;
  while (Date.now() < until) {
    // busy on purpose
  }
}

/**
 * Probes from another process (this one's main thread is kept busy meanwhile): what it got and
 * how long the answer took, printed when the child exits.
 */
function probeFromChild(port: number, atEpochMillis: number): Promise<{ result: ProbeResult; millis: number }> {
  const script = `
    import { probeLiveness } from ${JSON.stringify(PEER_WATCH_MODULE)};
    setTimeout(async () => {
      const started = Date.now();
      const result = await probeLiveness('127.0.0.1', ${port}, 2000);
      process.stdout.write(JSON.stringify({ result, millis: Date.now() - started }));
    }, Math.max(0, ${atEpochMillis} - Date.now()));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => child.on('exit', () => (out ? resolve(JSON.parse(out)) : reject(new Error('probe child printed nothing')))));
}

describe('liveness responder', () => {
  it('answers alive while the main thread runs, and nothing listens after stop', async () => {
    // A fixed port below the ephemeral range: a probe of a free ephemeral port can connect to itself.
    const responder = await startLivenessResponder({ host: '127.0.0.1', port: 29193, stallMillis: 1_000 });
    assert.equal(responder.port, 29193);
    assert.equal(await probeLiveness('127.0.0.1', responder.port), 'answered');
    await responder.stop();
    assert.equal(await probeLiveness('127.0.0.1', 29193), 'refused');
  });

  it('answers at once while the main thread is busy, then says stalled past stallMillis', async () => {
    const responder = await startLivenessResponder({ host: '127.0.0.1', port: 29194, stallMillis: 2_000 });
    try {
      // The children get a second to start; then this thread is busy for 4 s. They probe 0.8 s and
      // 3.2 s into it: 1.2 s inside and past the stall time.
      const busyFrom = Date.now() + 1_000;
      const early = probeFromChild(responder.port, busyFrom + 800);
      const late = probeFromChild(responder.port, busyFrom + 3_200);
      await new Promise((resolve) => setTimeout(resolve, busyFrom - Date.now()));
      busyFor(4_000);
      const [first, second] = await Promise.all([early, late]);
      // Before the stall time the busy node is alive, and the answer did not wait for its main thread.
      assert.equal(first.result, 'answered');
      // (Waiting for it would have taken 3.2 s; the bound leaves room for a loaded machine.)
      assert.ok(first.millis < 1_500, `answered in ${first.millis} ms while the main thread was busy`);
      // Past it the thread owns up: a hung event loop is as good as a frozen process.
      assert.equal(second.result, 'silent');
      assert.ok(second.millis < 1_500, `answered in ${second.millis} ms`);
      // The main thread moves again: alive again.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(await probeLiveness('127.0.0.1', responder.port), 'answered');
    } finally {
      await responder.stop();
    }
  });
});
