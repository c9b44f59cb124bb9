import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { RunningNode } from '../src/index.js';
import { call, openTestStore, startTestNode, testLogDir, type TestStore } from './support.js';

/**
 * log-response-max-size-mb (3.1, apache/seatunnel#12299 for #12295): a log file's content is at
 * most that many megabytes, its tail from a line start, on v2 and v1 alike; 3.0 sends it all.
 */
const LINES = 40_000;
/** ~2.6 MB of numbered lines. */
const BIG_LOG = Array.from({ length: LINES }, (_, i) => `2026-12-01 03:00:00,000 INFO line ${String(i).padStart(6, '0')} ${'.'.repeat(40)}`).join('\n') + '\n';

describe('log-response-max-size-mb (3.1, #12299)', () => {
  let store: TestStore;
  const nodes: RunningNode[] = [];
  let capped: string;
  let whole: string;
  const start = async (profile: string, port: number): Promise<string> => {
    const dir = testLogDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/job-1.log`, BIG_LOG);
    const node = await startTestNode(
      store,
      { SEATUNNEL_SIM_PROFILE: profile, SEATUNNEL_SIM_PORT: String(port), SEATUNNEL_SIM_LOG_DIR: dir, SEATUNNEL_SIM_LOG_RESPONSE_MAX_SIZE_MB: '1', SEATUNNEL_SIM_V1_ENABLED: 'true' },
      `log-cap-${profile}`,
    );
    nodes.push(node);
    return node.url;
  };
  before(async () => {
    store = await openTestStore('memory');
    capped = await start('3.1', 30950);
    whole = await start('3.0', 30960);
  });
  after(async () => {
    for (const node of nodes) await node.stop();
    await store.release();
  });

  it('3.1: the last megabyte at most, starting at a whole line and ending with the file', async () => {
    for (const url of [`${capped}/logs/job-1.log`, `${capped}/log/job-1.log`, `${capped}/hazelcast/rest/maps/logs/job-1.log`]) {
      const res = await call(url);
      assert.equal(res.status, 200, url);
      assert.ok(Buffer.byteLength(res.text) <= 1024 * 1024, `${url}: ${Buffer.byteLength(res.text)} bytes`);
      assert.ok(Buffer.byteLength(res.text) > 1024 * 1024 - 200, `${url}: only one line less than the cap is dropped`);
      assert.match(res.text, /^2026-12-01 03:00:00,000 INFO line \d{6} /, url);
      assert.ok(res.text.endsWith(`line ${String(LINES - 1).padStart(6, '0')} ${'.'.repeat(40)}\n`), url);
    }
  });

  it('3.0 does not know the key: the whole file', async () => {
    const res = await call(`${whole}/logs/job-1.log`);
    assert.equal(res.status, 200);
    assert.equal(res.text, BIG_LOG);
  });
});
