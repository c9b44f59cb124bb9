import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Services } from '../src/services/services.js';
import { getV2Telemetry } from '../src/routes/hazelcast-routes.js';
import { call, post, startTestNodes, type TestNodes } from './support.js';

const V1 = '/hazelcast/rest/maps';

/** SeaTunnel's HOCON form of a FakeSource → Console job (each plugin an object keyed by its name). */
const HOCON_JOB = `
env {
  job.mode = "STREAMING"
  parallelism = 1
}

source {
  # a comment, as in SeaTunnel's example configs
  FakeSource {
    plugin_output = "fake"
    row.num = 16
    schema = {
      fields {
        name = "string"
        age = "int"
      }
    }
  }
}

transform {
}

sink {
  Console {
    plugin_input = "fake"
  }
}
`;

/** The same job in the JSON form of submit-job's body. */
const JSON_JOB = {
  env: { 'job.mode': 'STREAMING', parallelism: 1 },
  source: [{ plugin_output: 'fake', 'row.num': 16, schema: { fields: { name: 'string', age: 'int' } }, plugin_name: 'FakeSource' }],
  transform: [],
  sink: [{ plugin_input: 'fake', plugin_name: 'Console' }],
};

const hocon = (url: string, body: string) => call(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });

function upload(url: string, fileName: string | null, content: string, fields: Record<string, string> = {}, partName = 'config_file') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (fileName === null) form.append(partName, content);
  else form.append(partName, new Blob([content], { type: 'application/octet-stream' }), fileName);
  return call(url, { method: 'POST', body: form });
}

const failBody = (message: string | null) => ({ status: 'fail', message });

describe('REST v2 additions of 2.3.9: /metrics, submit-job?format=hocon, submit-job/upload', () => {
  let cluster: TestNodes;
  let a: string;
  let b: string;
  const ids: string[] = [];

  before(async () => {
    cluster = await startTestNodes(2, 28150, { SEATUNNEL_SIM_BODY_LIMIT: '4096', SEATUNNEL_SIM_TELEMETRY: 'true' });
    [a, b] = cluster.nodes.map((n) => n.url) as [string, string];
  });
  after(async () => {
    // Streaming jobs of this file are stopped, so later test files sharing the member see none of them.
    for (const jobId of ids) await post(`${a}/stop-job`, { jobId });
    await cluster.stop();
  });

  describe('GET /metrics and /openmetrics', () => {
    // BaseServlet.write sets text/plain; Jetty 9.4's getWriter infers ISO-8859-1 for it and adds the
    // charset to the header (and prints '?' for anything beyond Latin-1). The handler says exactly
    // that; what reaches the wire is then the profile's wire format's call, so the HTTP checks below
    // pin the media type only.
    const WIRE = /^text\/plain(;charset=iso-8859-1)?$/;

    it('the handler answers the telemetry text as servlet text: Latin-1 encoded up to 2.3.11, UTF-8 from 2.3.12 (#9594)', async () => {
      const services = (profile: string) =>
        ({ config: { api: { profile } }, telemetry: { render: async () => ({ contentType: 'x', text: '# HELP a \u00e9\u4e2d\n' }) } }) as unknown as Services;
      assert.deepEqual(await getV2Telemetry(services('2.3.9'), 'prometheus'), { kind: 'text', text: '# HELP a \u00e9\u4e2d\n', contentType: 'text/plain', charset: 'latin1' });
      assert.deepEqual(await getV2Telemetry(services('2.3.12'), 'prometheus'), { kind: 'text', text: '# HELP a \u00e9\u4e2d\n', contentType: 'text/plain' });
    });

    it('/metrics: Prometheus text (BaseServlet.write → text/plain)', async () => {
      const res = await fetch(`${a}/metrics`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', WIRE);
      const text = await res.text();
      assert.match(text, /^# HELP /);
      assert.match(text, /^# TYPE cluster_info gauge$/m);
      assert.match(text, /^node_state\{cluster="[^"]+",address="[^"]+:28150",\} 1\.0$/m);
      assert.doesNotMatch(text, /# EOF/);
    });

    it('/openmetrics: OpenMetrics text ending in # EOF, as text/plain too', async () => {
      const res = await fetch(`${b}/openmetrics`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', WIRE);
      const text = await res.text();
      assert.match(text, /^# HELP /);
      assert.match(text, /# EOF\n$/);
    });

    it('mapped as /metrics/* like every servlet; /metricsX and POST are Jetty errors', async () => {
      assert.equal((await call(`${a}/metrics/anything?x=1`)).status, 200);
      assert.equal((await call(`${a}/openmetrics/`)).status, 200);
      const unknown = await fetch(`${a}/metricsX`);
      assert.equal(unknown.status, 404);
      assert.match(unknown.headers.get('content-type') ?? '', /^text\/html/);
      await unknown.arrayBuffer();
      const posted = await fetch(`${a}/metrics`, { method: 'POST', body: '' });
      assert.equal(posted.status, 405);
      assert.match(await posted.text(), /HTTP ERROR 405 HTTP method POST is not supported by this URL/);
    });

    it('v1 has no /hazelcast/rest/maps/metrics (Hazelcast\'s native map answer), only its own instance paths', async () => {
      const native = await call(`${a}${V1}/metrics`);
      assert.equal(native.status, 400);
      assert.equal(native.text, '');
      assert.equal((await call(`${a}/hazelcast/rest/instance/metrics`)).status, 200);
    });
  });

  describe('POST /submit-job with a form content type (what curl -d sends without -H)', () => {
    it("v2: Jetty has read the body as form fields, the servlet's reader fails: 500 STREAMED; v1 takes the body", async () => {
      const form = { 'content-type': 'application/x-www-form-urlencoded' };
      const v2 = await call(`${a}/submit-job?jobName=form`, { method: 'POST', headers: form, body: JSON.stringify(JSON_JOB) });
      assert.equal(v2.status, 500);
      assert.equal(v2.text, '{"status":"fail","message":"STREAMED"}');
      const v1 = await call(`${a}${V1}/submit-job?jobName=form`, { method: 'POST', headers: form, body: JSON.stringify(JSON_JOB) });
      assert.equal(v1.status, 200, v1.text);
    });
  });

  describe('POST /submit-job?format=hocon', () => {
    it('submits a HOCON job; job-info shows the same jobDag and envOptions as the JSON equivalent', async () => {
      const fromHocon = await hocon(`${a}/submit-job?format=hocon&jobName=hocon-job`, HOCON_JOB);
      assert.equal(fromHocon.status, 200, fromHocon.text);
      const fromJson = await post(`${a}/submit-job?jobName=json-job`, JSON_JOB);
      assert.equal(fromJson.status, 200, fromJson.text);
      const h = fromHocon.json().jobId as string;
      const j = fromJson.json().jobId as string;
      ids.push(h, j);
      assert.deepEqual(fromHocon.json(), { jobId: h, jobName: 'hocon-job' });
      const infoH = (await call(`${b}/job-info/${h}`)).json();
      const infoJ = (await call(`${b}/job-info/${j}`)).json();
      assert.deepEqual(infoH.envOptions, { 'job.mode': 'STREAMING', parallelism: '1' });
      assert.deepEqual(infoH.envOptions, infoJ.envOptions);
      assert.deepEqual({ ...infoH.jobDag, jobId: 'x' }, { ...infoJ.jobDag, jobId: 'x' });
      const names = infoH.jobDag.vertexInfoMap.map((v: { vertexName: string }) => v.vertexName);
      assert.equal(names.length, 2);
      assert.match(names[0], /Source\[0\]-FakeSource/);
      assert.match(names[1], /Sink\[0\]-Console/);
    });

    it('format is case-insensitive (equalsIgnoreCase), also on v1, which takes the body as sent', async () => {
      const v2 = await hocon(`${a}/submit-job?format=HoCoN`, 'env { job.mode = "BATCH" }\nsource { FakeSource { schema = { fields { name = "string" } } } }\nsink { Console {} }');
      assert.equal(v2.status, 200, v2.text);
      const v1 = await hocon(`${b}${V1}/submit-job?format=hocon`, 'env { job.mode = "BATCH" }\r\nsource { FakeSource { schema = { fields { name = "string" } } } }\r\nsink { Console {} }');
      assert.equal(v1.status, 200, v1.text);
      assert.equal((await call(`${a}/job-info/${v1.json().jobId}`)).json().jobDag.envOptions['job.mode'], 'BATCH');
    });

    it('an unknown format reads the body as JSON', async () => {
      const res = await hocon(`${a}/submit-job?format=yaml`, 'env { job.mode = "BATCH" }');
      assert.equal(res.status, 400);
      assert.deepEqual(res.json(), failBody('Invalid JSON format in request body.'));
    });

    it('unparsable HOCON → 500 with Typesafe Config\'s message', async () => {
      const res = await fetch(`${a}/submit-job?format=hocon`, { method: 'POST', body: 'env {\n  job.mode = "BATCH"\n' });
      assert.equal(res.status, 500);
      assert.equal(res.headers.get('content-type')?.toLowerCase(), 'application/json;charset=utf-8');
      assert.deepEqual(await res.json(), failBody("String: 3: expecting a close parentheses ')' here, not: end of file"));
      const v1 = await hocon(`${a}${V1}/submit-job?format=hocon`, 'env { a = "x }');
      assert.equal(v1.status, 500);
      assert.match(v1.json().message, /^String: 1: Expecting a value but got wrong token: '' \(End of input but string quote was still open\)/);
    });

    it('an empty HOCON body is an empty config: 500 for the missing env, not "Request body is empty."', async () => {
      const res = await hocon(`${a}/submit-job?format=hocon`, '');
      assert.equal(res.status, 500);
      assert.deepEqual(res.json(), failBody("No configuration setting found for key 'env'"));
    });

    it('an unresolved ${?VAR} in env → 400 "Json parsing exception." (REST submissions are never resolved)', async () => {
      const res = await hocon(`${a}/submit-job?format=hocon`, 'env { job.mode = ${?JOB_MODE} }\nsource { FakeSource { schema = { fields { name = "string" } } } }\nsink { Console {} }');
      assert.equal(res.status, 400);
      assert.deepEqual(res.json(), failBody('Json parsing exception.'));
    });

    it('the savepoint check still comes before the body', async () => {
      const res = await hocon(`${a}/submit-job?format=hocon&isStartWithSavePoint=true`, 'not { hocon');
      assert.equal(res.status, 400);
      assert.deepEqual(res.json(), failBody('Please provide jobId when start with save point.'));
    });
  });

  describe('POST /submit-job/upload', () => {
    it('a .conf file is HOCON; jobName from the query', async () => {
      const res = await upload(`${a}/submit-job/upload?jobName=uploaded-conf`, 'fake_to_console.conf', HOCON_JOB);
      assert.equal(res.status, 200, res.text);
      const { jobId, jobName } = res.json();
      ids.push(jobId);
      assert.equal(jobName, 'uploaded-conf');
      const info = (await call(`${b}/job-info/${jobId}`)).json();
      assert.deepEqual(info.envOptions, { 'job.mode': 'STREAMING', parallelism: '1' });
    });

    it('a .json file is JSON (plugin_name lists); form fields count as parameters', async () => {
      const res = await upload(`${b}/submit-job/upload`, 'job.json', JSON.stringify(JSON_JOB), { jobName: 'from-form-field' });
      assert.equal(res.status, 200, res.text);
      ids.push(res.json().jobId);
      assert.equal(res.json().jobName, 'from-form-field');
    });

    it('a .json file is parsed with JSON syntax: HOCON in it → 500 with Typesafe\'s JSON message', async () => {
      const res = await upload(`${a}/submit-job/upload`, 'job.json', 'env { job.mode = "BATCH" }');
      assert.equal(res.status, 500);
      assert.deepEqual(res.json(), failBody("String: 1: Token not allowed in valid JSON: 'env'"));
    });

    it('no config_file part → NullPointerException: 500 with a null message', async () => {
      const res = await upload(`${a}/submit-job/upload`, 'job.conf', HOCON_JOB, {}, 'file');
      assert.equal(res.status, 500);
      assert.deepEqual(res.json(), failBody(null));
      const noName = await upload(`${a}/submit-job/upload`, null, HOCON_JOB);
      assert.equal(noName.status, 500);
      assert.deepEqual(noName.json(), failBody(null));
    });

    it('not multipart → Jetty\'s ServletException as a 500', async () => {
      const res = await post(`${a}/submit-job/upload`, JSON_JOB);
      assert.equal(res.status, 500);
      assert.deepEqual(res.json(), failBody('Unsupported Content-Type [application/json], expected [multipart/form-data]'));
    });

    it('over api.body-limit-bytes → 413', async () => {
      const res = await upload(`${a}/submit-job/upload`, 'big.conf', `${HOCON_JOB}\n# ${'x'.repeat(5000)}\n`);
      assert.equal(res.status, 413);
      assert.equal(res.json().status, 'fail');
    });

    it('GET → 405; /submit-job/other is still submit-job; v1 has no upload (its prefix match is submit-job)', async () => {
      const get = await fetch(`${a}/submit-job/upload`);
      assert.equal(get.status, 405);
      await get.arrayBuffer();
      const other = await post(`${a}/submit-job/other`, '');
      assert.deepEqual([other.status, other.json()], [400, failBody('Request body is empty.')]);
      const v1 = await upload(`${a}${V1}/submit-job/upload`, 'job.conf', HOCON_JOB);
      assert.equal(v1.status, 400);
      assert.deepEqual(v1.json(), { status: 'fail', message: 'Invalid JSON format in request body.' });
    });
  });
});
