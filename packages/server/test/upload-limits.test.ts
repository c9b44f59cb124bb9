import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningNode } from '../src/index.js';
import { call, openTestStore, startTestNode, type TestStore } from './support.js';

/**
 * submit-job/upload's limits (3.0, apache/seatunnel#12072, closing #12068): JettyService gives the
 * servlet a MultipartConfigElement of upload-max-file-size-mb / upload-max-request-size-mb (10 MB
 * each, 0 or below unlimited), so Jetty's parser refuses a larger body inside getPart and
 * ExceptionHandlingFilter answers its IllegalStateException with a 500.
 */
/** Streaming, so an accepted job stays in running-jobs while the test counts them. */
const JOB = 'env { job.mode = "STREAMING" }\nsource { FakeSource { row.num = 1, schema = { fields { name = "string" } } } }\nsink { Console {} }\n';
const MB = 1024 * 1024;
/** A HOCON job padded with a comment line to `bytes`. */
const padded = (bytes: number): string => `# ${'x'.repeat(bytes - JOB.length - 3)}\n${JOB}`;

function upload(url: string, content: string) {
  const form = new FormData();
  form.append('config_file', new Blob([content], { type: 'application/octet-stream' }), 'job.conf');
  return call(`${url}/submit-job/upload`, { method: 'POST', body: form });
}

describe('upload size limits (3.0, #12072)', () => {
  let store: TestStore;
  const nodes: RunningNode[] = [];
  let defaults: string;
  let tight: string;
  let unlimited: string;
  let older: string;
  const start = async (env: Record<string, string>, port: number, name: string): Promise<string> => {
    const node = await startTestNode(store, { SEATUNNEL_SIM_PORT: String(port), ...env }, name);
    nodes.push(node);
    return node.url;
  };
  const runningCount = async (url: string): Promise<number> => (await call(`${url}/running-jobs`)).json().length;
  before(async () => {
    store = await openTestStore('memory');
    defaults = await start({ SEATUNNEL_SIM_PROFILE: '3.0' }, 30910, 'defaults');
    tight = await start({ SEATUNNEL_SIM_PROFILE: '3.1', SEATUNNEL_SIM_UPLOAD_MAX_FILE_SIZE_MB: '1', SEATUNNEL_SIM_UPLOAD_MAX_REQUEST_SIZE_MB: '30' }, 30920, 'tight');
    unlimited = await start({ SEATUNNEL_SIM_PROFILE: '3.0', SEATUNNEL_SIM_UPLOAD_MAX_REQUEST_SIZE_MB: '0', SEATUNNEL_SIM_UPLOAD_MAX_FILE_SIZE_MB: '-1' }, 30930, 'unlimited');
    older = await start({ SEATUNNEL_SIM_PROFILE: '2.3.13' }, 30940, 'older');
  });
  after(async () => {
    for (const node of nodes) await node.stop();
    await store.release();
  });

  it('a config file under the limits is submitted as before', async () => {
    const res = await upload(defaults, padded(2 * MB));
    assert.equal(res.status, 200, res.text);
    assert.match(res.json().jobId, /^\d+$/);
  });

  it('past 10 MB by default: the request limit is met first → 500 "Request exceeds maxRequestSize (10485760)", nothing submitted', async () => {
    const before = await runningCount(defaults);
    const res = await upload(defaults, padded(10 * MB + 1));
    assert.equal(res.status, 500);
    assert.deepEqual(res.json(), { status: 'fail', message: 'Request exceeds maxRequestSize (10485760)' });
    assert.equal(await runningCount(defaults), before);
  });

  it('a file limit below the request limit: "Multipart Mime part config_file exceeds max filesize"', async () => {
    const res = await upload(tight, padded(MB + 1));
    assert.equal(res.status, 500);
    assert.deepEqual(res.json(), { status: 'fail', message: 'Multipart Mime part config_file exceeds max filesize' });
    // Past the 10 MB that other nodes keep, but within this node's 30 MB request limit: still the file limit.
    assert.equal((await upload(tight, padded(12 * MB))).json().message, 'Multipart Mime part config_file exceeds max filesize');
    assert.equal((await upload(tight, padded(MB - 100))).status, 200);
  });

  it("0 or below is Jetty's unlimited: the simulator's own body-limit-bytes (413) is what is left", async () => {
    assert.equal((await upload(unlimited, padded(2 * MB))).status, 200);
    assert.equal((await upload(unlimited, padded(11 * MB))).status, 413);
  });

  it('before 3.0 there is no multipart limit: 2.3.13 gives the body limit\'s 413', async () => {
    assert.equal((await upload(older, padded(11 * MB))).status, 413);
  });
});
