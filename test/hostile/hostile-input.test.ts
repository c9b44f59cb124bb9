import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startLocalCluster, type LocalCluster } from '@seatunnel-sim/cli';
import {
  assertJobsIntact,
  clusterState,
  ENDLESS_JOB,
  isDocumented500,
  QUICK_JOB,
  rawExchange,
  send,
  Tally,
  V1,
  type Answer,
  type ClusterState,
  type SendOptions,
} from './harness.js';

const BODY_LIMIT = 1024 * 1024;
const HEADERS_TIMEOUT = 2_000;
const REQUEST_TIMEOUT = 4_000;
const LOG_DIR = 'logs/hostile-test';
/** A file next to the nodes' log directories: no log endpoint may ever serve it. */
const SENTINEL = 'SENTINEL-outside-the-log-directory';
const POST_ENDPOINTS = ['submit-job', 'submit-jobs', 'stop-job', 'stop-jobs', 'encrypt-config', 'update-tags'];
const BOTH = (endpoint: string) => [`${V1}/${endpoint}`, `/${endpoint}`];

const tally = new Tally();

/**
 * Hostile input against a live local cluster (real member + 2 node processes): every case gets a
 * 4xx (or one of SeaTunnel's own documented 500s), never another 5xx, never a crash, and leaves
 * the jobs of the cluster exactly as they were (plus the jobs a case legitimately submitted).
 */
describe('hostile input', () => {
  let cluster: LocalCluster;
  let a: string;
  let b: string;
  /** Jobs the suite submitted on purpose (baseline and accepted odd-but-valid configs). */
  const accepted = new Set<string>();

  /** Sends one case, tallies it, and checks it got a client error unless told otherwise. */
  async function hit(options: SendOptions & { base?: string }, expect: number | 'client-error' | 'any-non-5xx' = 'client-error'): Promise<Answer> {
    const answer = await send(options.base ?? a, options);
    const documented = isDocumented500(answer);
    tally.add(answer.status, documented);
    const label = `${options.method ?? 'GET'} ${options.path.slice(0, 120)} → ${answer.status} ${answer.body.slice(0, 160)}`;
    assert.ok(answer.status !== 0, `no answer: ${label}`);
    if (typeof expect === 'number') assert.equal(answer.status, expect, label);
    else if (expect === 'client-error') assert.ok((answer.status >= 400 && answer.status < 500) || documented, label);
    else assert.ok(answer.status < 500 || documented, label);
    return answer;
  }

  /** A submit that may be accepted (odd but valid for SeaTunnel): then the job must render everywhere. */
  async function submitMaybe(path: string, body: unknown): Promise<Answer> {
    const answer = await hit({ method: 'POST', path, body: typeof body === 'string' ? body : JSON.stringify(body) }, 'any-non-5xx');
    if (answer.status === 200) {
      const { jobId } = JSON.parse(answer.body) as { jobId: string };
      accepted.add(jobId);
      for (const base of [a, b]) {
        const info = await send(base, { path: `${V1}/job-info/${jobId}` });
        assert.equal(info.status, 200, `job-info of accepted ${jobId}: ${info.body.slice(0, 200)}`);
        assert.equal((JSON.parse(info.body) as { jobId: string }).jobId, jobId);
      }
    }
    return answer;
  }

  const assertIntact = (before: ClusterState, group: string) => assertJobsIntact(cluster, before, accepted, group);

  before(async () => {
    mkdirSync(LOG_DIR, { recursive: true });
    writeFileSync(join(LOG_DIR, 'secret.log'), `${SENTINEL}\n`);
    cluster = await startLocalCluster({
      nodes: 2,
      members: 1,
      port: 21480,
      hzPort: 24101,
      clusterName: 'seatunnel-sim-hostile',
      logDir: LOG_DIR,
      nodeEnv: {
        SEATUNNEL_SIM_BODY_LIMIT: String(BODY_LIMIT),
        SEATUNNEL_SIM_HEADERS_TIMEOUT: String(HEADERS_TIMEOUT),
        SEATUNNEL_SIM_REQUEST_TIMEOUT: String(REQUEST_TIMEOUT),
        SEATUNNEL_SIM_LOG_LEVEL: 'warn',
      },
    });
    [a, b] = cluster.nodes.map((n) => n.url) as [string, string];
    // A job that keeps running and one in history, so both lists have something to lose.
    for (const [path, body] of [[`${V1}/submit-job?jobName=endless`, ENDLESS_JOB], [`${V1}/submit-job?jobName=quick`, QUICK_JOB]] as const) {
      const answer = await send(a, { method: 'POST', path, body: JSON.stringify(body) });
      assert.equal(answer.status, 200, answer.body);
      accepted.add((JSON.parse(answer.body) as { jobId: string }).jobId);
    }
    const deadline = Date.now() + 15_000;
    while ((await clusterState(a)).finished.length === 0) {
      assert.ok(Date.now() < deadline, 'baseline batch job did not finish');
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  after(async () => {
    console.log(`hostile input: ${tally.summary()}`);
    await cluster?.stop();
  });

  it('malformed and truncated JSON → 400 on every body endpoint, v1 and v2', async () => {
    const before = await clusterState(a);
    const valid = JSON.stringify(QUICK_JOB);
    const bodies = [
      '', ' \t\r\n', '{', '}', '[', '{"env":', '{"env":{"job.mode":"batch"}', '{"a":1,}', '{a:1}', "{'a':1}", 'nul', 'tru', '[1,2',
      '{"a":NaN}', '{"a":Infinity}', '{"a":01}', '{"a":1}x', '{"a":1}{"b":2}', '\u0000', '"unterminated', '{"a":"\\x"}',
      '{"a":"\\u12"}', '- 1', '{"a" 1}', '[,]', '{"a":1e}', '{"a":.5}', '{"a":"line\nbreak"}', valid.slice(0, valid.length / 2), valid.slice(0, -1),
    ];
    for (const endpoint of POST_ENDPOINTS) {
      for (const path of BOTH(endpoint)) {
        for (const body of bodies) await hit({ method: 'POST', path, body }, 400);
      }
    }
    // PUT is POST on v1 (Hazelcast's REST parses both alike).
    await hit({ method: 'PUT', path: `${V1}/submit-job`, body: '{"env":' }, 400);
    await assertIntact(before, 'malformed JSON');
  });

  it('wrong types everywhere in submit-job and stop-job', async () => {
    const before = await clusterState(a);
    const job = (patch: Record<string, unknown>) => JSON.stringify({ ...QUICK_JOB, ...patch });
    const plugin = (patch: Record<string, unknown>) => ({ ...QUICK_JOB.source[0], ...patch });
    const bodies = [
      '[]', '[{"env":{}}]', '"job"', '42', '4.2', 'true', 'false', '{}',
      job({ env: [] }), job({ env: 'batch' }), job({ env: 1 }), job({ env: null }), job({ env: true }),
      job({ source: 'FakeSource' }), job({ source: 1 }), job({ source: [] }), job({ source: [null] }), job({ source: ['x'] }), job({ source: [{}] }),
      job({ source: [plugin({ plugin_name: 5 })] }), job({ source: [plugin({ plugin_name: '' })] }), job({ source: [plugin({ plugin_name: ['a'] })] }),
      job({ source: [plugin({ plugin_name: {} })] }), job({ source: [plugin({ plugin_name: null })] }), job({ source: [plugin({ plugin_name: undefined })] }),
      job({ sink: 'Console' }), job({ sink: [] }), job({ sink: [{ plugin_name: 7 }] }), job({ sink: null }),
      job({ transform: 'x' }), job({ transform: [1] }), job({ transform: [{ plugin_name: false }] }),
      job({ source: [plugin({ result_table_name: 5 })] }), job({ source: [plugin({ result_table_name: {} })] }),
      job({ sink: [{ plugin_name: 'Console', source_table_name: 5 }] }), job({ sink: [{ plugin_name: 'Console', source_table_name: [null] }] }),
      job({ sink: [{ plugin_name: 'Console', source_table_name: ['no-such-table'] }] }),
      job({ source: [plugin({ tables_configs: 'x' })] }), job({ source: [plugin({ tables_configs: [1, null, {}] })] }),
    ];
    for (const path of BOTH('submit-job')) for (const body of bodies) await submitMaybe(path, body);
    // Odd option values SeaTunnel would accept: the job runs (or fails) but must never break a view.
    const oddOptions: Record<string, unknown>[] = [
      { 'row.num': 'abc' }, { 'row.num': -5 }, { 'row.num': 1.5 }, { 'row.num': 1e308 }, { 'row.num': true }, { 'row.num': {} }, { 'row.num': [] },
      { parallelism: -1 }, { parallelism: 'x' }, { parallelism: 1e9 }, { schema: 'x' }, { schema: { fields: 5 } },
      { schema: { fields: { a: 'map<string,array<decimal(38,18)>>', b: 5, c: null, d: {} } } }, { schema: { table: 7 } },
    ];
    for (const options of oddOptions) await submitMaybe(`${V1}/submit-job`, job({ source: [plugin(options)] }));
    const oddEnv: Record<string, unknown>[] = [
      { 'sim.rows-per-second': 1e-300 }, { 'sim.rows-per-second': 1e308 }, { 'sim.rows-per-second': -1 }, { 'sim.rows-per-second': 'NaN' },
      { 'sim.duration-seconds': 1e308 }, { 'sim.fail-at-row': -1 }, { 'sim.slow-start-seconds': 1e308 }, { 'sim.stop-seconds': -3 },
      { 'checkpoint.interval': 0 }, { parallelism: 2 ** 31 }, { 'job.mode': 'NOT_A_MODE' }, { 'job.mode': 5 }, { 'job.name': ['x'] },
      { nested: { a: { b: [1, { c: null }] } } }, { nothing: null }, { big: 123456789012345678901234567890 },
    ];
    for (const env of oddEnv) await submitMaybe('/submit-job', job({ env: { 'job.mode': 'batch', ...env } }));
    // jobId as object / array / bool / float / empty in the query: SeaTunnel's Long.parseLong refuses them.
    const valid = JSON.stringify(QUICK_JOB);
    for (const id of ['%7B%22a%22%3A1%7D', '%5B1%5D', 'true', '1.5', '1e3', '0x10', '%20', 'abc', '1%00', '%E2%80%8B1']) {
      for (const path of BOTH('submit-job')) await hit({ method: 'POST', path: `${path}?jobId=${id}`, body: valid }, 400);
    }
    await hit({ method: 'POST', path: `${V1}/submit-job?jobId=`, body: valid }, 400);
    await hit({ method: 'POST', path: `${V1}/submit-job?jobId`, body: valid }, 400);
    // Only the exact "true" asks for a savepoint (then a jobId is required); other spellings submit a plain job.
    await hit({ method: 'POST', path: '/submit-job?isStartWithSavePoint=true', body: valid }, 400);
    for (const flag of ['TRUE', 'True', '1', '']) await submitMaybe(`/submit-job?isStartWithSavePoint=${flag}`, valid);
    // stop-job: jobId of every wrong type; isStopWithSavePoint of every odd type (unknown ids: no-ops).
    const stops = [
      '{}', '{"jobId":null}', '{"jobId":""}', '{"jobId":{}}', '{"jobId":{"a":12345678901234567890}}', '{"jobId":[1]}', '{"jobId":[]}',
      '{"jobId":true}', '{"jobId":1.5}', '{"jobId":1e400}', '{"jobId":"0x10"}', '{"jobId":" 1"}', '{"jobId":"1 "}',
      '{"jobId":{"$numberLong":"1"}}', '{"JOBID":1}', '{"job_id":1}', '[{"jobId":1}]', '"1"', '1',
    ];
    for (const path of BOTH('stop-job')) for (const body of stops) await hit({ method: 'POST', path, body });
    for (const flag of ['"yes"', '1', '0', '{}', '[]', 'null', '"TRUE"', '1e400', '"true "']) {
      await hit({ method: 'POST', path: '/stop-job', body: `{"jobId":424242424242,"isStopWithSavePoint":${flag}}` }, 200);
    }
    // stop-jobs / submit-jobs: non-arrays are SeaTunnel's own 500; bad elements are 4xx, except an id Jackson reads as
    // Integer or String, SeaTunnel's ClassCastException (500) after stopping that job — so only ids no job has here.
    for (const body of ['{}', '"x"', '1', '{"jobId":1}']) await hit({ method: 'POST', path: '/stop-jobs', body });
    for (const body of ['[{"jobId":{}}]', '[{"jobId":1},{"jobId":"x"}]', '[null]', '[[]]', '[{}]']) await hit({ method: 'POST', path: '/stop-jobs', body });
    for (const body of ['{}', '[{"env":{}}]', `[${valid}]`, `[{"params":[],"env":{}}]`, `[{"params":{"jobId":{}},"env":{}}]`]) {
      await hit({ method: 'POST', path: `${V1}/submit-jobs`, body }, 'any-non-5xx');
    }
    await assertIntact(before, 'wrong types');
  });

  it('20-digit, negative and edge ids', async () => {
    const before = await clusterState(a);
    const cases: [string, number][] = [
      ['12345678901234567890', 400], ['-1', 200], ['-9223372036854775808', 200], ['9223372036854775807', 200], ['9223372036854775808', 400],
      ['-9223372036854775809', 400], ['00000000000000000001', 200], ['+1', 200], ['1.0', 400], ['1e3', 400], ['0x1F', 400], ['%201', 400],
      ['1%00', 400], ['%D9%A3', 400], ['9'.repeat(200), 400], ['-', 400], ['--1', 400],
    ];
    for (const [id, status] of cases) {
      for (const path of [`${V1}/job-info/${id}`, `/job-info/${id}`, `${V1}/running-job/${id}`]) {
        const answer = await hit({ path }, status);
        // Unknown ids are echoed exactly as given.
        if (status === 200) assert.equal((JSON.parse(answer.body) as { jobId: string }).jobId, id);
      }
    }
    for (const body of ['{"jobId":12345678901234567890}', '{"jobId":"12345678901234567890"}', '{"jobId":-9223372036854775809}', '{"jobId":99999999999999999999999}']) {
      await hit({ method: 'POST', path: `${V1}/stop-job`, body }, 400);
    }
    for (const body of ['{"jobId":-1}', '{"jobId":"-1"}', '{"jobId":-0}', '{"jobId":9223372036854775807}']) await hit({ method: 'POST', path: '/stop-job', body }, 200);
    const valid = JSON.stringify(QUICK_JOB);
    for (const id of ['12345678901234567890', '9223372036854775808', '-9223372036854775809']) {
      await hit({ method: 'POST', path: `${V1}/submit-job?jobId=${id}`, body: valid }, 400);
    }
    // A negative id is a valid Java long: SeaTunnel takes it, and so must every view.
    const negative = await submitMaybe(`${V1}/submit-job?jobId=-424242`, QUICK_JOB);
    assert.equal(negative.status, 200);
    assert.equal((JSON.parse(negative.body) as { jobId: string }).jobId, '-424242');
    await assertIntact(before, 'ids');
  });

  it('huge bodies get a clear 413 past api.body-limit-bytes; at the limit they are read', async () => {
    const before = await clusterState(a);
    const over = JSON.stringify(QUICK_JOB).padEnd(BODY_LIMIT + 1, ' ');
    // Each several times: the node reads a refused body to its end before answering, so the
    // client always gets the 413 rather than EPIPE/ECONNRESET (without that, 25 sends in 900 broke
    // on a loaded machine).
    for (const endpoint of POST_ENDPOINTS) {
      for (const path of BOTH(endpoint)) {
        for (let round = 0; round < 5; round++) {
          const answer = await hit({ method: 'POST', path, body: over }, 413);
          assert.equal(JSON.parse(answer.body).status, 'fail');
          assert.match(JSON.parse(answer.body).message, new RegExp(`${BODY_LIMIT}`));
        }
      }
    }
    const atLimit = await hit({ method: 'POST', path: '/stop-job', body: '{"jobId":"5"}'.padEnd(BODY_LIMIT, ' ') }, 200);
    assert.equal(JSON.parse(atLimit.body).jobId, '5');
    // A declared length far past the limit is refused before any of it is read.
    const declared = await rawExchange(a, [`POST ${V1}/submit-job HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n{"env":`], { timeoutMillis: 5_000, untilResponse: true });
    tally.add(declared.status);
    assert.equal(declared.status, 413, declared.text.slice(0, 200));
    // 20 MiB streamed: 413 as soon as the limit is passed, not after reading it all.
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const pieces = [`POST /submit-job HTTP/1.1\r\nHost: x\r\nContent-Length: ${80 * chunk.length}\r\n\r\n`, ...Array.from({ length: 80 }, () => chunk)];
    const streamed = await rawExchange(a, pieces, { timeoutMillis: 10_000, untilResponse: true });
    tally.add(streamed.status);
    assert.equal(streamed.status, 413, streamed.text.slice(0, 200));
    // Chunked transfer (no length announced) over the limit.
    const chunked: (string | Buffer)[] = [`POST ${V1}/submit-job HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n`];
    for (let i = 0; i < 8; i++) chunked.push(`${chunk.length.toString(16)}\r\n`, chunk, '\r\n');
    chunked.push('0\r\n\r\n');
    const chunkedAnswer = await rawExchange(a, chunked, { timeoutMillis: 10_000, untilResponse: true });
    tally.add(chunkedAnswer.status);
    assert.equal(chunkedAnswer.status, 413, chunkedAnswer.text.slice(0, 200));
    await assertIntact(before, 'huge bodies');
  });

  it('deeply nested JSON (100 000 levels) → 400 without harming the node; moderate nesting is data', async () => {
    const before = await clusterState(a);
    const deepArray = '['.repeat(100_000) + ']'.repeat(100_000);
    const deepObject = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const unclosed = '['.repeat(100_000);
    const over = '{"env":' + '{"a":'.repeat(600) + '1' + '}'.repeat(600) + '}';
    for (const endpoint of POST_ENDPOINTS) {
      for (const path of BOTH(endpoint)) {
        for (const body of [deepArray, deepObject, unclosed, over]) {
          const answer = await hit({ method: 'POST', path, body }, 400);
          assert.equal(JSON.parse(answer.body).message, 'Invalid JSON format in request body.');
        }
      }
    }
    // 300 levels inside env: valid JSON, SeaTunnel would take it; it renders as Java's toString.
    const nested = JSON.parse('{"a":'.repeat(300) + '1' + '}'.repeat(300)) as unknown;
    const answer = await submitMaybe('/submit-job', { ...QUICK_JOB, env: { ...QUICK_JOB.env, nested } });
    assert.equal(answer.status, 200);
    await assertIntact(before, 'deep nesting');
  });

  it('invalid UTF-8 in bodies → 400; odd bytes in paths, queries and headers → 4xx', async () => {
    const before = await clusterState(a);
    const bad = [
      Buffer.from([0xff, 0xfe]),
      Buffer.concat([Buffer.from('{"env":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]),
      Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
      Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xe2, 0x82]), Buffer.from('"}')]),
      Buffer.concat([Buffer.from(JSON.stringify(QUICK_JOB).slice(0, -1) + ',"x":"'), Buffer.from([0x80]), Buffer.from('"}')]),
    ];
    for (const endpoint of POST_ENDPOINTS) for (const path of BOTH(endpoint)) for (const body of bad) await hit({ method: 'POST', path, body }, 400);
    for (const raw of [
      `GET /job-info/\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n`,
      `GET ${V1}/job-info/\xc0\xaf HTTP/1.1\r\nHost: x\r\n\r\n`,
      `GET /overview?\xff=\xfe HTTP/1.1\r\nHost: x\r\n\r\n`,
      `GET /running-jobs HTTP/1.1\r\nHost: x\r\nX-Bad: \xff\xfe\r\n\r\n`,
      `GET /running-jobs HTTP/1.1\r\nHost: x\r\nX-Nul: a\x00b\r\n\r\n`,
      `GET /running-jobs HTTP/1.1\r\nHost: \xff\r\n\r\n`,
    ]) {
      const answer = await rawExchange(a, [Buffer.from(raw, 'latin1')], { timeoutMillis: 5_000, untilResponse: true });
      tally.add(answer.status);
      assert.ok(answer.status > 0 && answer.status < 500, `${JSON.stringify(raw)} → ${answer.text.slice(0, 120)}`);
    }
    for (const path of ['/job-info/%FF', '/finished-jobs/%FF%FE', `${V1}/job-info/%C0%AF`, '/overview?%FF=%FE', `${V1}/overview?%FF=1`, '/logs/%FF', `${V1}/log/%FF.log`]) {
      await hit({ path }, 'any-non-5xx');
    }
    // A lone surrogate escape is valid JSON: stored and rendered, never a crash.
    await submitMaybe('/submit-job?jobName=%ED%A0%80', JSON.stringify(QUICK_JOB).replace('"batch"', '"batch","x":"\\ud800"'));
    await assertIntact(before, 'invalid UTF-8');
  });

  it('__proto__ / constructor / prototype keys are data: nothing polluted, keys stored as given', async () => {
    const before = await clusterState(a);
    const jobId = '4242424242424242';
    const env = '{"job.mode":"batch","sim.rows-per-second":400,"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":"p","toString":"t","hasOwnProperty":"h"}';
    const sources = '[{"plugin_name":"FakeSource","result_table_name":"fake","row.num":40,"schema":{"fields":{"name":"string"}},"__proto__":{"parallelism":1000}}]';
    const answer = await submitMaybe(`${V1}/submit-job?jobId=${jobId}`, `{"env":${env},"source":${sources},"sink":[{"plugin_name":"Console","source_table_name":["fake"]}]}`);
    assert.equal(answer.status, 200, answer.body);
    const info = JSON.parse((await send(b, { path: `/job-info/${jobId}` })).body) as { jobDag: { envOptions: Record<string, string> } };
    const envOptions = info.jobDag.envOptions;
    assert.equal(Object.getOwnPropertyDescriptor(envOptions, '__proto__')?.value, '{polluted=yes}');
    assert.equal(envOptions['constructor'], '{prototype={polluted=yes}}');
    assert.equal(envOptions['prototype'], 'p');
    assert.equal(envOptions['toString'], 't');
    assert.equal(envOptions['hasOwnProperty'], 'h');
    // Inherited-looking fields must not be read through a prototype.
    for (const body of [`{"__proto__":{"jobId":"${jobId}"}}`, `{"constructor":{"prototype":{"jobId":${jobId}}}}`]) {
      const stop = await hit({ method: 'POST', path: '/stop-job', body }, 400);
      assert.equal(JSON.parse(stop.body).message, 'jobId cannot be empty.');
    }
    // Blocks hidden under __proto__ are not there: a valid job read through a prototype would be accepted (200),
    // so each must get exactly SeaTunnel's answer to the block being absent.
    const fake = '{"plugin_name":"FakeSource","schema":{"fields":{"name":"string"}}}';
    const hidden = [
      [`{"__proto__":{"env":{},"source":[${fake}],"sink":[{"plugin_name":"Console"}]}}`, 'Cannot invoke "java.util.List.isEmpty()" because "sources" is null'],
      [`{"env":{},"source":[{"__proto__":${fake}}],"sink":[{"plugin_name":"Console"}]}`, "The 'plugin_name' option is not configured, please configure it."],
    ] as const;
    for (const [body, message] of hidden) {
      const refused = await hit({ method: 'POST', path: '/submit-job', body });
      assert.equal(refused.status, 500, refused.body);
      assert.equal(JSON.parse(refused.body).message, message);
    }
    // submit-jobs reads `params` without a null check: absent (only under __proto__) is the message-less NPE.
    const npe = await hit({ method: 'POST', path: `${V1}/submit-jobs`, body: `[{"__proto__":{"params":{"jobId":"5"}},"env":{},"source":[${fake}],"sink":[{"plugin_name":"Console"}]}]` });
    assert.equal(npe.status, 500, npe.body);
    assert.equal(JSON.parse(npe.body).message, undefined);
    // Tags: a polluted Object.prototype would make every worker match ?polluted=1.
    await hit({ method: 'POST', path: '/update-tags', body: '{"__proto__":{"polluted":"1"},"constructor":{"prototype":{"polluted":"1"}}}' }, 'any-non-5xx');
    await hit({ path: '/overview?__proto__=x&constructor=y' }, 'any-non-5xx');
    for (const base of [a, b]) {
      for (const path of ['/overview?polluted=1', `${V1}/overview?polluted=1`]) {
        const overview = await hit({ base, path }, 200);
        assert.equal(JSON.parse(overview.body).workers, '0', `${base}${path}`);
      }
    }
    await hit({ method: 'POST', path: '/update-tags', body: '{}' }, 200);
    await hit({ method: 'POST', path: `${V1}/submit-job?__proto__=x&constructor=y&jobName=proto`, body: '{}' });
    await assertIntact(before, 'prototype keys');
  });

  it('path traversal in the log endpoints never leaves the log directory', async () => {
    const before = await clusterState(a);
    const tails = [
      'logs/..%2f..%2fetc%2fpasswd', 'logs/..%2F..%2F..%2F..%2Fetc%2Fpasswd.log', 'logs/../../etc/passwd.log', 'log/../../x.log', 'log/../secret.log',
      'log/..%2fsecret.log', 'log/..%2Fsecret.log', 'logs/..%2fsecret.log', 'log/%2e%2e%2fsecret.log', 'log/%2e%2e/secret.log', 'log/..%5csecret.log',
      'log/....//secret.log', 'log//etc/passwd.log', 'log/%2Fetc%2Fpasswd.log', 'log/x.log%00.txt', 'log/.log', 'log/..log', 'log/%252e%252e%252fsecret.log',
      'logs/job-1.log/../../../../etc/passwd', 'log/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd%00.log', `log/${'../'.repeat(40)}etc/passwd.log`,
      'get-all-log-name/../../etc', 'logs?format=json&x=../../etc/passwd', 'logs/..%2f..%2fetc%2fpasswd?format=json',
    ];
    for (const tail of tails) {
      for (const prefix of [`${V1}/`, '/']) {
        for (const base of [a, b]) {
          const answer = await hit({ base, path: `${prefix}${tail}` }, 'any-non-5xx');
          assert.ok(!answer.body.includes(SENTINEL), `${prefix}${tail} served a file outside the log directory`);
          assert.ok(!/root:.*:0:0:/.test(answer.body), `${prefix}${tail} served /etc/passwd`);
        }
      }
    }
    await assertIntact(before, 'path traversal');
  });

  it('huge query strings and headers → 431/414/400, never 5xx; large-but-legal ones are served', async () => {
    const before = await clusterState(a);
    const rawCases = [
      `GET /running-jobs HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      `GET /running-jobs HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 300 }, (_, i) => `X-H${i}: ${'v'.repeat(100)}\r\n`).join('')}\r\n`,
      `GET /${'p'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      `GET /running-jobs?${'a=1&'.repeat(5_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      `GET ${V1}/overview?${'k'.repeat(100_000)}=1 HTTP/1.1\r\nHost: x\r\n\r\n`,
      `POST ${V1}/submit-job?jobName=${'n'.repeat(50_000)} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}`,
    ];
    for (const raw of rawCases) {
      const answer = await rawExchange(a, [raw], { timeoutMillis: 5_000, untilResponse: true });
      tally.add(answer.status);
      assert.ok([400, 413, 414, 431].includes(answer.status), `${raw.slice(0, 60)}… → ${answer.text.slice(0, 120)}`);
    }
    // Malformed framing: Node's parser answers 400 before any of our code runs.
    for (const raw of [
      `POST /stop-job HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n`,
      `POST /stop-job HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n{"a":1}`,
      `POST /stop-job HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
      `POST /stop-job HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n`,
      `GET /running-jobs HTTP/1.1\r\n\r\n`,
      `GET /running-jobs HTTP/9.9\r\nHost: x\r\n\r\n`,
      `HELLO\r\n\r\n`,
      `GET /running-jobs HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n`,
    ]) {
      const answer = await rawExchange(a, [raw], { timeoutMillis: 5_000, untilResponse: true });
      tally.add(answer.status);
      assert.ok(answer.status >= 400 && answer.status < 500, `${JSON.stringify(raw.slice(0, 60))} → ${answer.text.slice(0, 120)}`);
    }
    // Large but under the header limit: served normally.
    await hit({ path: `/running-jobs?${'a=1&'.repeat(3_000)}` }, 200);
    const tags = await hit({ path: `${V1}/overview?${Array.from({ length: 1_500 }, (_, i) => `t${i}=v`).join('&')}` }, 200);
    assert.equal(JSON.parse(tags.body).workers, '0');
    await hit({ path: '/running-jobs', headers: { 'x-large': 'x'.repeat(12_000) } }, 200);
    // A repeated v1 overview tag is SeaTunnel's own 500 (Collectors.toMap on a duplicate key).
    await hit({ path: `${V1}/overview?k=a&k=b` }, 'any-non-5xx');
    await hit({ method: 'POST', path: `${V1}/submit-job?${'x=1&'.repeat(2_000)}jobId=abc`, body: '{}' }, 400);
    await assertIntact(before, 'huge query strings and headers');
  });

  it('slow clients are cut off (408 or closed) by the request timeouts while the node keeps serving', async () => {
    const before = await clusterState(a);
    // Slowloris: headers one byte at a time, never finished.
    const headerBytes = `GET /running-jobs HTTP/1.1\r\nHost: x\r\nX-Slow: ${'s'.repeat(100)}`.split('');
    const slowHeaders = rawExchange(a, headerBytes, { gapMillis: 100, timeoutMillis: 12_000 });
    // A body trickled after complete headers.
    const slowBody = rawExchange(a, [`POST /stop-job HTTP/1.1\r\nHost: x\r\nContent-Length: 200\r\n\r\n`, ...'{"jobId":1}'.padEnd(200, ' ').split('')], {
      gapMillis: 100,
      timeoutMillis: 14_000,
    });
    // A connection that never says anything.
    const silent = rawExchange(a, [], { timeoutMillis: 12_000 });
    // Many slow clients at once must not starve the others.
    const crowd = Array.from({ length: 100 }, () => rawExchange(b, ['GET /running-jobs HTTP/1.1\r\nHost: x\r\n', 'X-A: 1\r\n'], { gapMillis: 3_000, timeoutMillis: 12_000 }));
    await new Promise((r) => setTimeout(r, 500));
    for (const base of [a, b]) {
      const answer = await hit({ base, path: '/running-jobs', timeoutMillis: 2_000 }, 200);
      assert.ok(answer.millis < 3_000, `served in ${answer.millis} ms while slow clients hold sockets`);
    }
    for (const [name, pending, limit] of [
      ['slow headers', slowHeaders, HEADERS_TIMEOUT],
      ['slow body', slowBody, REQUEST_TIMEOUT],
      ['silent connection', silent, HEADERS_TIMEOUT],
    ] as const) {
      const answer = await pending;
      tally.add(answer.status === 0 && answer.closedByServer ? 408 : answer.status);
      assert.ok(answer.closedByServer, `${name}: still open after ${answer.millis} ms`);
      assert.ok(answer.status === 408 || answer.status === 0, `${name}: ${answer.text.slice(0, 100)}`);
      // Node checks the timeouts once a second (connectionsCheckingInterval); slack for a busy machine.
      assert.ok(answer.millis < limit + 4_000, `${name}: cut after ${answer.millis} ms (limit ${limit})`);
    }
    for (const answer of await Promise.all(crowd)) assert.ok(answer.closedByServer, 'a crowd connection was never closed');
    tally.add(408);
    // An idle keep-alive connection is closed after keepAliveTimeout.
    const keepAlive = await rawExchange(a, ['GET /running-jobs HTTP/1.1\r\nHost: x\r\n\r\n'], { timeoutMillis: 9_000 });
    assert.equal(keepAlive.status, 200);
    assert.ok(keepAlive.closedByServer && keepAlive.millis < 7_000, `keep-alive connection open for ${keepAlive.millis} ms`);
    await assertIntact(before, 'slow clients');
  });

  it('unknown methods and paths → 4xx', async () => {
    const before = await clusterState(a);
    const paths = [
      '/', '/hazelcast', '/hazelcast/rest', '/hazelcast/rest/maps', `${V1}/`, `${V1}/x`, `${V1}/x/y`, '/x', '/_sim/clock', '/_sim/clock/advance',
      '/running-jobs/../../etc/passwd', '//running-jobs', '/running-jobs%00', `/${'s'.repeat(8_000)}`, '/%', '/%zz', `${V1}/%`, '/%E6%97%A5%E6%9C%AC',
      '/hazelcast/rest/cluster/x', '/hazelcast/rest/instance/x', '/metrics', '/.env', '/../../../../etc/passwd',
    ];
    for (const path of paths) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND', 'MKCOL', 'LOCK', 'PURGE']) {
        await hit({ method, path, ...(method === 'POST' || method === 'PUT' ? { body: '{}' } : {}) }, 'any-non-5xx');
      }
    }
    // The wrong method on real endpoints: v2 405, v1 Hazelcast's fall-through (4xx) — except a v1 DELETE, which
    // Hazelcast's map REST answers with an empty 200 (it clears a map of that name; none holds SeaTunnel's jobs,
    // which assertIntact below checks).
    for (const method of ['DELETE', 'PATCH', 'TRACE', 'PROPFIND', 'PURGE']) {
      for (const path of ['/running-jobs', '/submit-job', `${V1}/running-jobs`, `${V1}/submit-job`, '/job-info/1']) {
        if (method === 'DELETE' && path.startsWith(V1)) {
          const answer = await hit({ method, path }, 200);
          assert.equal(answer.body, '', `${method} ${path}`);
        } else await hit({ method, path });
      }
    }
    await hit({ method: 'GET', path: '/submit-job' }, 405);
    await hit({ method: 'POST', path: '/running-jobs', body: '{}' }, 405);
    for (const raw of [
      'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n',
      'G3T /running-jobs HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /running-jobs HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n',
      'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n',
    ]) {
      const answer = await rawExchange(a, [raw], { timeoutMillis: 5_000, untilResponse: true });
      tally.add(answer.status);
      assert.ok(answer.status > 0 && answer.status < 500, `${JSON.stringify(raw.slice(0, 40))} → ${JSON.stringify(answer.text.slice(0, 100))}`);
    }
    await assertIntact(before, 'unknown methods and paths');
  });
});
