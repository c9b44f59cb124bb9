// Runs in a project that installed the packed tarballs (scripts/ci/use-from-outside.sh copies it
// there with ajv and @seriousme/openapi-schema-validator): every profile's OpenAPI document, as the
// installed @seatunnel-sim/server generates it, is valid OpenAPI 3.1 and equal to the repository's
// docs/openapi/<profile>.json; then real nodes of some releases answer real requests, and every
// answer must conform to the response schema its document gives for that path, method and status.
//   node conformance.mjs <repo>/docs/openapi <first port>
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { PROFILE_NAMES } from '@seatunnel-sim/engine';
import { openApiDocument } from '@seatunnel-sim/server';

const [docsDir, firstPort] = [process.argv[2], Number(process.argv[3] ?? 30200)];
const validator = new Validator();
for (const profile of PROFILE_NAMES) {
  const doc = openApiDocument(profile);
  const result = await validator.validate(doc);
  assert.ok(result.valid, `${profile}: ${JSON.stringify(result.errors, null, 1)}`);
  assert.equal(validator.version, '3.1');
  assert.deepEqual(JSON.parse(readFileSync(`${docsDir}/${profile}.json`, 'utf8')), doc, `docs/openapi/${profile}.json is not what the code generates`);
}
console.log(`openapi: ${PROFILE_NAMES.length} documents are valid OpenAPI ${validator.version} and equal to docs/openapi/*.json`);

const BATCH = { env: { 'job.mode': 'BATCH', 'sim.rows-per-second': 1000 }, source: [{ plugin_name: 'FakeSource', plugin_output: 'fake', 'row.num': 20, schema: { fields: { name: 'string', age: 'int' } } }], sink: [{ plugin_name: 'Console', plugin_input: ['fake'] }] };
const STREAM = { ...BATCH, env: { 'job.mode': 'STREAMING' } };

/** Checks answers of one running cluster against its document. */
class Conformance {
  constructor(doc, base) {
    // Component refs made $defs, so ajv resolves them inside each compiled response schema.
    const text = JSON.stringify(doc).replaceAll('#/components/schemas/', '#/$defs/');
    this.doc = JSON.parse(text);
    this.base = base;
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    this.count = 0;
  }

  /** `raw`: a body sent as written (a 64-bit id as a JSON number must not pass through a double). */
  async call(method, template, path, { status = 200, body, raw } = {}) {
    const init = { method, signal: AbortSignal.timeout(10_000) };
    const sent = raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (sent !== undefined) Object.assign(init, { body: sent, headers: { 'content-type': 'application/json' } });
    const response = await fetch(this.base + path, init);
    const text = await response.text();
    assert.equal(response.status, status, `${method} ${path}: ${response.status} ${text}`);
    const operation = this.doc.paths[template]?.[method.toLowerCase()];
    assert.ok(operation, `${method} ${template} is not in the document`);
    const answer = operation.responses[String(status)];
    assert.ok(answer, `${method} ${template}: status ${status} is not in the document`);
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
    const content = answer.content?.[mediaType];
    assert.ok(content, `${method} ${template} ${status}: ${mediaType} is not in the document`);
    const value = mediaType === 'application/json' ? JSON.parse(text) : text;
    const validate = this.ajv.compile({ $defs: this.doc.components.schemas, ...content.schema });
    assert.ok(validate(value), `${method} ${path} → ${status}: ${this.ajv.errorsText(validate.errors)}\n${text.slice(0, 400)}`);
    this.count++;
    return value;
  }
}

async function startCluster(profile, port, contextPath) {
  const env = { ...process.env, SEATUNNEL_SIM_CONTEXT_PATH: contextPath };
  const up = spawn('node_modules/.bin/seatunnel-sim', ['up', '--store', 'memory', '--nodes', '2', '--port', String(port), '--profile', profile, '--log-dir', `logs-openapi-${profile}`], { env, stdio: 'ignore' });
  for (const deadline = Date.now() + 30_000; ; await sleep(200)) {
    const ok = await fetch(`http://127.0.0.1:${port + 1}${contextPath}/overview`).then((r) => r.ok, () => false);
    if (ok) return up;
    assert.ok(Date.now() < deadline, `${profile} cluster on ${port} did not answer`);
  }
}

async function waitFor(check, what) {
  for (const deadline = Date.now() + 20_000; ; await sleep(200)) {
    if (await check()) return;
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
  }
}

const RUNS = [
  { profile: '2.3.9', contextPath: '' },
  { profile: '2.3.13', contextPath: '/seatunnel' },
];
for (const [i, { profile, contextPath }] of RUNS.entries()) {
  const port = firstPort + i * 10;
  const up = await startCluster(profile, port, contextPath);
  try {
    const served = await (await fetch(`http://127.0.0.1:${port}${contextPath}/openapi.json`)).json();
    assert.deepEqual(served, openApiDocument(profile, contextPath), `${profile}: /openapi.json is not the generated document`);
    const doc = openApiDocument(profile);
    const node1 = new Conformance(doc, `http://127.0.0.1:${port}${contextPath}`);
    const node2 = new Conformance(doc, `http://127.0.0.1:${port + 1}${contextPath}`);
    const batch = await node1.call('POST', '/submit-job', '/submit-job?jobName=openapi_batch', { body: BATCH });
    const stream = await node1.call('POST', '/submit-job', '/submit-job?jobName=openapi_stream', { body: STREAM });
    await node2.call('POST', '/submit-job', '/submit-job', { body: { env: {} }, status: 500 });
    await node2.call('GET', '/overview', '/overview');
    await node2.call('GET', '/job-info/{jobId}', `/job-info/${stream.jobId}`);
    await node2.call('GET', '/job-info/{jobId}', '/job-info/123456789');
    await node2.call('GET', '/job-info/{jobId}', '/job-info/abc', { status: 400 });
    await node2.call('GET', '/running-jobs', '/running-jobs');
    await waitFor(async () => (await node2.call('GET', '/job-info/{jobId}', `/job-info/${batch.jobId}`)).jobStatus === 'FINISHED', 'the batch job to finish');
    await node1.call('POST', '/stop-job', '/stop-job', { raw: `{"jobId":${stream.jobId}}` });
    await waitFor(async () => (await node1.call('GET', '/job-info/{jobId}', `/job-info/${stream.jobId}`)).jobStatus === 'CANCELED', 'the stream job to cancel');
    await node1.call('GET', '/finished-jobs', '/finished-jobs');
    await node1.call('GET', '/finished-jobs/{state}', '/finished-jobs/FINISHED');
    await node1.call('GET', '/system-monitoring-information', '/system-monitoring-information');
    await node1.call('GET', '/get-all-log-name', '/get-all-log-name');
    await node1.call('POST', '/encrypt-config', '/encrypt-config', { body: BATCH });
    await node1.call('GET', '/metrics', '/metrics');
    if (profile === '2.3.13') {
      await node1.call('GET', '/running-jobs', '/running-jobs?page=1&rows=5');
      await node1.call('GET', '/finished-jobs', '/finished-jobs?page=1');
      await node1.call('GET', '/pending-jobs', '/pending-jobs');
      await node1.call('GET', '/jobs/checkpoints/{jobId}', `/jobs/checkpoints/${batch.jobId}`);
    }
    console.log(`openapi: ${profile}${contextPath ? ` (context path ${contextPath})` : ''}: /openapi.json served; ${node1.count + node2.count} answers of two nodes conform to it`);
  } finally {
    up.kill('SIGTERM');
    await new Promise((resolve) => (up.exitCode !== null ? resolve() : up.once('exit', resolve)));
  }
}
