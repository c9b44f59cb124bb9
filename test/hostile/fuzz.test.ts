import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { startLocalCluster, type LocalCluster } from '@seatunnel-sim/cli';
import { assertAllServing, assertJobsIntact, clusterState, isDocumented500, QUICK_JOB, send, Tally, V1, type Answer, type ClusterState } from './harness.js';

const RUNS = 300;
const TIME_LIMIT_MILLIS = 90_000;
const tally = new Tally();

// ---- Arbitraries that produce JSON *text*, so big integers, odd numbers and `__proto__` keys survive. ----

const numberText = fc.oneof(
  fc.integer().map(String),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  fc.constantFrom('1e400', '-0', '1.0', '1e3', '0.1e-400', '9223372036854775807', '-9223372036854775808', '9223372036854775808'),
);
const stringText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('batch', 'STREAMING', 'FakeSource', 'Console', 'fake', '\ud800')).map((s) => JSON.stringify(s));
const leafText = fc.oneof(numberText, stringText, fc.constantFrom('true', 'false', 'null'));
const SPECIAL_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const anyKey = fc.oneof(fc.string(), fc.constantFrom(...SPECIAL_KEYS));
const objectText = (pairs: [string, string][]) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
const { value: jsonText } = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafText, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }).map((xs) => `[${xs.join(',')}]`),
  object: fc.array(fc.tuple(anyKey, tie('value')), { maxLength: 4 }).map(objectText),
}));

const ENV_KEYS = [
  'job.mode', 'job.name', 'parallelism', 'checkpoint.interval', 'sim.rows-per-second', 'sim.duration-seconds', 'sim.fail-at-row',
  'sim.fail-after-seconds', 'sim.fail-message', 'sim.slow-start-seconds', 'sim.stop-seconds', 'sim.failing-seconds',
];
const PLUGIN_KEYS = ['result_table_name', 'source_table_name', 'plugin_input', 'plugin_output', 'row.num', 'parallelism', 'schema', 'tables_configs', 'query'];
/** A schema FakeSource's factory accepts (without one SeaTunnel refuses the source: API-06). */
const SCHEMA = '{"fields":{"name":"string","age":"int"}}';
const tunedValue = fc.oneof(jsonText, fc.constantFrom('"batch"', '"STREAMING"', '1', '0.001', '1e308', '-1', '"abc"', '["fake"]', '"fake"', '100', SCHEMA));
const pairs = (keys: string[]) => fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys), anyKey), tunedValue), { maxLength: 5 });
const envText = fc.oneof({ weight: 4, arbitrary: pairs(ENV_KEYS).map(objectText) }, { weight: 1, arbitrary: jsonText });
const pluginText = (names: string[]) =>
  fc
    .tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names.map((n) => JSON.stringify(n))) }, { weight: 1, arbitrary: jsonText }), fc.boolean(), pairs(PLUGIN_KEYS))
    .map(([name, named, extra]) => objectText([...(named ? ([['plugin_name', name]] as [string, string][]) : []), ...extra]));
const listText = (item: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.array(item, { maxLength: 3 }).map((xs) => `[${xs.join(',')}]`) },
    { weight: 1, arbitrary: item },
    { weight: 1, arbitrary: jsonText },
  );
const configText = fc
  .record(
    {
      env: envText,
      source: listText(pluginText(['FakeSource', 'Jdbc', 'fake'])),
      transform: listText(pluginText(['Sql', 'Filter', 'Copy'])),
      sink: listText(pluginText(['Console', 'LocalFile', 'Assert'])),
      extra: pairs(SPECIAL_KEYS),
    },
    { requiredKeys: [] },
  )
  .map(({ extra, ...blocks }) => objectText([...(Object.entries(blocks) as [string, string][]), ...(extra ?? [])]));
/**
 * The quick job (a valid SeaTunnel job: FakeSource with a schema) with random env and source options
 * on top (no repeated keys: see README deviations); many are accepted, so stop-job fuzzing has jobs to name.
 */
const nearlyValid = fc.tuple(pairs(ENV_KEYS), pairs(PLUGIN_KEYS.filter((k) => !k.includes('table_name') && !k.startsWith('plugin_')))).map(([env, options]) => {
  const unique = (base: [string, string][], extra: [string, string][]) => [...new Map([...base, ...extra])];
  const envObject = objectText(unique([['job.mode', '"batch"'], ['sim.rows-per-second', '400']], env));
  const source = objectText(unique([['plugin_name', '"FakeSource"'], ['result_table_name', '"fake"'], ['row.num', '40'], ['schema', SCHEMA]], options));
  return objectText([['env', envObject], ['source', `[${source}]`], ['sink', '[{"plugin_name":"Console","source_table_name":["fake"]}]']]);
});
const VALID = JSON.stringify(QUICK_JOB);
const mutatedValid = fc
  .tuple(fc.nat({ max: VALID.length }), fc.nat({ max: 4 }), fc.string({ maxLength: 3 }))
  .map(([at, cut, insert]) => VALID.slice(0, at) + insert + VALID.slice(at + cut));
const submitBody = fc.oneof(
  { weight: 4, arbitrary: configText },
  { weight: 4, arbitrary: nearlyValid },
  { weight: 2, arbitrary: mutatedValid },
  { weight: 1, arbitrary: jsonText },
  { weight: 1, arbitrary: fc.string() },
);

const idText = fc.oneof(
  { weight: 3, arbitrary: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String) },
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  fc.string(),
  fc.constantFrom('', ' ', '1.5', 'true', '[]', '{}', '-0', '+1', '0x1', '%zz', '1e3', '9223372036854775808'),
);
const submitQuery = fc.record(
  {
    jobId: idText,
    jobName: fc.string(),
    isStartWithSavePoint: fc.constantFrom('true', 'false', 'TRUE', ''),
  },
  { requiredKeys: [] },
);
const stopBody = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record(
        {
          jobId: fc.oneof(numberText, idText.map((s) => JSON.stringify(s)), jsonText, fc.nat().map((n) => `"known:${n}"`)),
          isStopWithSavePoint: fc.oneof(fc.constantFrom('true', 'false', '"true"', '"TRUE"', '1', 'null'), jsonText),
          extra: pairs(SPECIAL_KEYS),
        },
        { requiredKeys: [] },
      )
      .map(({ extra, ...fields }) => objectText([...(Object.entries(fields) as [string, string][]), ...(extra ?? [])])),
  },
  { weight: 1, arbitrary: jsonText },
  { weight: 1, arbitrary: fc.string() },
);

/**
 * Property-based fuzzing of submit-job (bodies and query ids) and stop-job (bodies) against a
 * live local cluster: every answer is < 500 unless it is one of SeaTunnel's own documented 500s,
 * no node crashes, and the job lists end up as before plus exactly the jobs that were accepted.
 */
describe('fuzzed submit-job and stop-job', () => {
  let cluster: LocalCluster;
  let nodes: string[];
  let initial: ClusterState;
  const accepted = new Set<string>();

  before(async () => {
    cluster = await startLocalCluster({
      nodes: 2,
      members: 1,
      port: 21490,
      hzPort: 24111,
      clusterName: 'seatunnel-sim-fuzz',
      logDir: 'logs/fuzz-test',
      nodeEnv: { SEATUNNEL_SIM_LOG_LEVEL: 'warn' },
    });
    nodes = cluster.nodes.map((n) => n.url);
    initial = await clusterState(nodes[0]!);
  });

  after(async () => {
    console.log(`fuzz: ${tally.summary()}; ${accepted.size} jobs accepted`);
    await cluster?.stop();
  });

  function check(answer: Answer, what: string): void {
    const documented = isDocumented500(answer);
    tally.add(answer.status, documented);
    assert.ok(answer.status !== 0, `no answer (node down?): ${what} → ${answer.body}`);
    assert.ok(answer.status < 500 || documented, `${what} → ${answer.status} ${answer.body.slice(0, 300)}`);
  }

  it(`submit-job: ${RUNS} random bodies and query ids`, async () => {
    await fc.assert(
      fc.asyncProperty(submitBody, submitQuery, fc.boolean(), fc.nat(), async (body, query, v1, pick) => {
        const params = Object.entries(query)
          .map(([k, v]) => `${k}=${v === '%zz' ? v : encodeURIComponent(v)}`)
          .join('&');
        const path = `${v1 ? V1 : ''}/submit-job${params ? `?${params}` : ''}`;
        const answer = await send(nodes[pick % nodes.length]!, { method: 'POST', path, body });
        check(answer, `POST ${path} ${body.slice(0, 300)}`);
        if (answer.status === 200) accepted.add((JSON.parse(answer.body) as { jobId: string }).jobId);
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MILLIS },
    );
    // The near-valid bodies are real SeaTunnel jobs: if none got through, a fixture went stale (and stop-job
    // fuzzing below would name no accepted job).
    assert.ok(accepted.size >= 5, `only ${accepted.size} of the fuzzed submits were accepted`);
    await assertAllServing(cluster, 'submit-job fuzzing');
  });

  it(`stop-job: ${RUNS} random bodies (some naming accepted jobs)`, async () => {
    const known = [...accepted];
    await fc.assert(
      fc.asyncProperty(stopBody, fc.boolean(), fc.nat(), async (raw, v1, pick) => {
        const body = raw.replace(/"known:(\d+)"/g, (_, n: string) => (known.length ? JSON.stringify(known[Number(n) % known.length]) : '1'));
        const path = `${v1 ? V1 : ''}/stop-job`;
        const answer = await send(nodes[pick % nodes.length]!, { method: 'POST', path, body });
        check(answer, `POST ${path} ${body.slice(0, 300)}`);
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MILLIS },
    );
    await assertAllServing(cluster, 'stop-job fuzzing');
  });

  it('leaves the cluster with exactly the accepted jobs, each rendering on every node', async () => {
    await assertJobsIntact(cluster, initial, accepted, 'fuzzing');
    for (const jobId of accepted) {
      for (const base of nodes) {
        const info = await send(base, { path: `/job-info/${jobId}` });
        assert.equal(info.status, 200, `job-info ${jobId}: ${info.body.slice(0, 200)}`);
      }
    }
  });
});
