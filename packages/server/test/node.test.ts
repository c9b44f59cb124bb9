import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { bindPort, loadNodeConfig, PortBindingError } from '../src/index.js';
import { call, DOCS_EXAMPLE, post, startTestNodes, type TestNodes } from './support.js';

const V1 = '/hazelcast/rest/maps';

describe('nodes over a real Hazelcast member', () => {
  let cluster: TestNodes;
  let a: string;
  let b: string;

  before(async () => {
    cluster = await startTestNodes(2, 28080, {}, { store: 'hazelcast' });
    [a, b] = cluster.nodes.map((n) => n.url) as [string, string];
  });
  after(async () => cluster.stop());

  it('binds consecutive ports by auto-increment', () => {
    assert.deepEqual(cluster.nodes.map((n) => n.port), [28080, 28081]);
  });

  it('submits on one node and answers for the job on the other, with the id as a string', async () => {
    const submitted = await post(`${a}${V1}/submit-job?jobName=rest_api_test`, DOCS_EXAMPLE);
    assert.equal(submitted.status, 200);
    const { jobId, jobName } = submitted.json();
    assert.equal(typeof jobId, 'string');
    assert.ok(BigInt(jobId) > 2n ** 53n);
    assert.equal(jobName, 'rest_api_test');
    assert.match(submitted.text, new RegExp(`"jobId":"${jobId}"`));

    const running = (await call(`${b}${V1}/running-jobs`)).json() as any[];
    const mine = running.find((j) => j.jobId === jobId);
    assert.equal(mine?.jobStatus, 'RUNNING');
    const info = (await call(`${b}${V1}/running-job/${jobId}`)).json();
    assert.equal(info.jobName, 'rest_api_test');
  });

  it('keeps every digit of a client-given 64-bit id', async () => {
    const id = '733584788375666689';
    const res = await post(`${a}${V1}/submit-job?jobId=${id}`, { ...DOCS_EXAMPLE, env: { 'job.mode': 'STREAMING' } });
    assert.equal(res.json().jobId, id);
    assert.equal((await call(`${b}${V1}/job-info/${id}`)).json().jobId, id);
    // Resubmitting a running id is a silent no-op, as in SeaTunnel.
    const again = await post(`${b}${V1}/submit-job?jobId=${id}&jobName=other`, DOCS_EXAMPLE);
    assert.equal(again.status, 200);
    assert.equal((await call(`${a}${V1}/job-info/${id}`)).json().jobStatus, 'RUNNING');
  });

  it('finishes a batch job with metrics that match row.num, on every node, and moves it to history', async () => {
    const { jobId } = (await post(`${a}${V1}/submit-job`, { ...DOCS_EXAMPLE, env: { 'job.mode': 'batch', 'sim.rows-per-second': 400 } })).json();
    await sleep(1200);
    for (const url of [a, b]) {
      const info = (await call(`${url}${V1}/job-info/${jobId}`)).json();
      assert.equal(info.jobStatus, 'FINISHED');
      assert.equal(info.metrics.SourceReceivedCount, '100');
      assert.equal(info.metrics.SinkWriteCount, '100');
      assert.equal(info.errorMsg, null);
      assert.match(info.finishTime, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    }
    const running = (await call(`${b}${V1}/running-jobs`)).json() as any[];
    assert.ok(!running.some((j) => j.jobId === jobId));
    const resubmit = await post(`${b}${V1}/submit-job?jobId=${jobId}`, DOCS_EXAMPLE);
    assert.equal(resubmit.status, 500);
    assert.match(resubmit.json().message, /has already been submitted and is not starting with a savepoint/);
  });

  it('answers an unknown id with {"jobId": id} and 200', async () => {
    const res = await call(`${b}${V1}/job-info/123456789`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), { jobId: '123456789' });
  });

  it('answers bad input in SeaTunnel error shape and stores nothing', async () => {
    const before = (await call(`${a}${V1}/running-jobs`)).json().length;
    const cases: [string, number, string][] = [
      [`${a}${V1}/job-info/abc`, 400, 'For input string: "abc"'],
    ];
    for (const [url, status, message] of cases) {
      const res = await call(url);
      assert.equal(res.status, status);
      assert.deepEqual(res.json(), { status: 'fail', message });
    }
    const posts: [string, string, number, string][] = [
      [`${V1}/submit-job`, '', 400, 'Request body is empty.'],
      [`${V1}/submit-job`, '{"env":', 400, 'Invalid JSON format in request body.'],
      [`${V1}/submit-job?isStartWithSavePoint=true`, '{}', 400, 'Please provide jobId when start with save point.'],
      [`${V1}/submit-job?jobId=12x`, '{}', 400, 'For input string: "12x"'],
      [`${V1}/submit-job?jobName=`, '{}', 400, 'Invalid Params format in Params.'],
      [`${V1}/submit-job`, '{"source":[]}', 400, 'Miss <Source> config! Please check the config file.'],
      [`${V1}/submit-job`, '{"source":[{"plugin_name":"FakeSource"}],"sink":[{"plugin_name":"Console"}]}', 500, "No configuration setting found for key 'env'"],
      [`${V1}/submit-job`, '{"env":{},"source":[{"plugin_name":"NoSuch"}],"sink":[{"plugin_name":"Console"}]}', 500, "Plugin PluginIdentifier{engineType='seatunnel', pluginType='source', pluginName='NoSuch'} not found."],
    ];
    for (const [path, body, status, message] of posts) {
      const res = await post(`${b}${path}`, body);
      assert.equal(res.status, status, path + ' ' + body);
      assert.deepEqual(res.json(), { status: 'fail', message });
    }
    assert.equal((await call(`${a}${V1}/running-jobs`)).json().length, before);
  });

  it('falls through to Hazelcast native answers for unknown v1 paths', async () => {
    assert.equal((await call(`${a}${V1}/nope`)).status, 400);
    // A POST without a key is Hazelcast's HttpBadRequestException (captures/2.3.8/033).
    assert.deepEqual((await post(`${a}${V1}/nope`, '{}')).json(), { status: 'fail', message: 'Missing map name' });
    assert.equal((await call(`${a}${V1}/somemap/somekey`)).status, 204);
  });

  it('reports ready on the health endpoint', async () => {
    assert.equal((await call(`${a}/hazelcast/health/ready`)).status, 200);
  });
});

describe('port binding', () => {
  it('skips a taken port with auto-increment and names the range when none is free', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(29090, '127.0.0.1', () => r()));
    const server = createServer();
    try {
      assert.equal(await bindPort(server, '127.0.0.1', 29090, true, 3), 29091);
      server.close();
      const strict = createServer();
      await assert.rejects(bindPort(strict, '127.0.0.1', 29090, false, 100), (e: unknown) => e instanceof PortBindingError && /29090 is in use/.test(e.message));
      await assert.rejects(bindPort(createServer(), '127.0.0.1', 29090, true, 1), /29090-29090/);
    } finally {
      blocker.close();
      server.close();
    }
  });
});

describe('node config', () => {
  it('layers environment variables over the YAML defaults and rejects unknown keys', () => {
    const config = loadNodeConfig({ env: { SEATUNNEL_SIM_PORT: '9000', SEATUNNEL_SIM_HZ_MEMBERS: 'a:1, b:2' } });
    assert.equal(config['rest-server-socket-endpoint-config'].port.port, 9000);
    assert.equal(config['rest-server-socket-endpoint-config'].port['port-count'], 100);
    assert.deepEqual(config.hazelcast['cluster-members'], ['a:1', 'b:2']);
    assert.throws(() => loadNodeConfig({ env: {}, overrides: [[['nonsense'], 1]] }), /nonsense/);
  });
});
