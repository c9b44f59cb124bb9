import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningNode } from '../src/index.js';
import { call, openTestStore, post, startTestNode, type TestStore } from './support.js';

/** A FakeSource → Console job in SeaTunnel's SQL, its name from the config block's env. */
const SQL_JOB = `/* config
env {
  job.mode = "BATCH"
  job.name = "sql_job"
}
*/
-- 100 rows of two columns
CREATE TABLE fake (id INT, name STRING) WITH (
  'connector' = 'FakeSource',
  'row.num' = '100',
  'schema' = '{ fields { id = "int", name = "string" } }',
  'type' = 'source'
);
CREATE TABLE out (id INT, name STRING) WITH ('connector' = 'Console', 'type' = 'sink');

INSERT INTO out SELECT * FROM fake;
`;

const PARSE_FAILED = { status: 'fail', message: 'Failed to parse job config: ' };

const sqlBody = (url: string, body: string) => call(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });

function upload(url: string, fileName: string, content: string) {
  const form = new FormData();
  form.append('config_file', new Blob([content], { type: 'application/octet-stream' }), fileName);
  return call(url, { method: 'POST', body: form });
}

describe('submit-job?format=sql and .sql uploads (2.3.12+, apache/seatunnel#9802)', () => {
  let store: TestStore;
  let current: RunningNode;
  let older: RunningNode;
  let url: string;
  const runningIds = async (node: string): Promise<string[]> => ((await call(`${node}/running-jobs`)).json() as { jobId: string }[]).map((j) => j.jobId);
  const advance = (seconds: number) => post(`${url}/_sim/clock/advance`, { seconds });

  before(async () => {
    store = await openTestStore('memory');
    current = await startTestNode(store, { SEATUNNEL_SIM_PORT: '29300', SEATUNNEL_SIM_PROFILE: '2.3.13', SEATUNNEL_SIM_ADMIN_API: 'true' }, 'sql-2.3.13');
    older = await startTestNode(store, { SEATUNNEL_SIM_PORT: '29310', SEATUNNEL_SIM_PROFILE: '2.3.11' }, 'sql-2.3.11');
    url = current.url;
  });
  after(async () => {
    await Promise.all([current?.stop(), older?.stop()]);
    await store?.release();
  });

  it('bad SQL is the one 500 and stores nothing; so is a body the builder cannot use', async () => {
    for (const body of ['CREATE TABLE fake (id INT) WITH (', 'INSERT INTO out SELECT * FROM fake;', '', SQL_JOB.replace("'type' = 'sink'", "'type' = 'snk'")]) {
      const res = await sqlBody(`${url}/submit-job?format=sql`, body);
      assert.equal(res.status, 500, body);
      assert.deepEqual(res.json(), PARSE_FAILED);
    }
    assert.deepEqual(await runningIds(url), []);
    assert.deepEqual((await call(`${url}/finished-jobs`)).json(), []);
  });

  it('a SQL job with an unknown connector gets the same plugin error as a JSON job, nothing stored', async () => {
    const res = await sqlBody(`${url}/submit-job?format=sql`, SQL_JOB.replace("'Console'", "'NoSuch'"));
    assert.equal(res.status, 500);
    assert.equal(res.json().message, "Plugin PluginIdentifier{engineType='seatunnel', pluginType='sink', pluginName='NoSuch'} not found.");
    assert.deepEqual(await runningIds(url), []);
  });

  it('2.3.11 has no SQL format: the body is read as JSON and gets its 400', async () => {
    const res = await sqlBody(`${older.url}/submit-job?format=sql`, SQL_JOB);
    assert.equal(res.status, 400);
    assert.deepEqual(res.json(), { status: 'fail', message: 'Invalid JSON format in request body.' });
    assert.deepEqual(await runningIds(url), []);
  });

  it('2.3.13 runs a SQL job: a Sql transform between source and sink, per-table metrics, FINISHED after its 100 rows', async () => {
    const res = await sqlBody(`${url}/submit-job?format=SQL`, SQL_JOB);
    assert.equal(res.status, 200, res.text);
    const { jobId } = res.json();
    assert.deepEqual(res.json(), { jobId, jobName: 'sql_job' });
    assert.deepEqual(await runningIds(url), [jobId]);

    const running = (await call(`${url}/job-info/${jobId}`)).json();
    assert.equal(running.jobStatus, 'RUNNING');
    assert.deepEqual(running.envOptions, { 'job.mode': 'BATCH', 'job.name': 'sql_job' });
    assert.deepEqual(
      running.jobDag.vertexInfoMap.map((v: { type: string; vertexName: string }) => [v.type, v.vertexName]),
      [
        ['source', 'pipeline-1 [Source[0]-FakeSource]'],
        ['sink', 'pipeline-1 [Sink[0]-Console-MultiTableSink]'],
        ['transform', 'pipeline-1 [TransformChain[Transform[0]-sql]]'],
      ],
    );
    assert.ok(running.pluginJarsUrls.some((jar: { jarPath: string }) => jar.jarPath.includes('seatunnel-transforms-v2')));
    assert.deepEqual(running.metrics.TableSinkWriteCount, { 'Sink[0].fake': '0' });

    assert.equal((await advance(10)).status, 200);
    const done = (await call(`${url}/job-info/${jobId}`)).json();
    assert.equal(done.jobStatus, 'FINISHED');
    assert.equal(done.metrics.SourceReceivedCount, '100');
    assert.equal(done.metrics.SinkWriteCount, '100');
    assert.deepEqual(done.metrics.TableSourceReceivedCount, { 'Source[0].fake': '100' });
    assert.deepEqual(done.metrics.TableSinkWriteCount, { 'Sink[0].fake': '100' });
  });

  it('upload: a .sql file is SQL on 2.3.13 (the job runs), HOCON on 2.3.11 (a parse error, nothing stored)', async () => {
    const before = await runningIds(url);
    const res = await upload(`${url}/submit-job/upload?jobName=uploaded`, 'job.sql', SQL_JOB);
    assert.equal(res.status, 200, res.text);
    const { jobId } = res.json();
    assert.deepEqual(res.json(), { jobId, jobName: 'uploaded' });
    assert.deepEqual((await runningIds(url)).filter((id) => !before.includes(id)), [jobId]);
    assert.equal((await call(`${url}/job-info/${jobId}`)).json().jobDag.vertexInfoMap.length, 3);

    const bad = await upload(`${url}/submit-job/upload`, 'bad.sql', 'INSERT INTO nowhere SELECT nothing;');
    assert.equal(bad.status, 500);
    assert.deepEqual(bad.json(), PARSE_FAILED);

    const asHocon = await upload(`${older.url}/submit-job/upload`, 'job.sql', SQL_JOB);
    assert.equal(asHocon.status, 500);
    // Typesafe's own error on the `/* config` line, not the SQL builder's
    assert.match(asHocon.json().message, /^String: 1: Key '.*' may not be followed by token: '\*'/);
    assert.deepEqual((await runningIds(url)).filter((id) => !before.includes(id)), [jobId]);
  });
});
