import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  adoptJob,
  finishedJobJson,
  METRICS_2_3_12,
  METRICS_2_3_13,
  METRICS_2_3_8,
  newJobRecord,
  projectJob,
  requestStop,
  runningJobJson,
  settle,
  type JobRecord,
  type JobShape,
} from '../src/index.js';
import { config } from './fixtures.js';

const CONFIGS = [
  // the docs' example, batch and streaming
  `{"env":{"job.mode":"batch"},"source":[{"plugin_name":"FakeSource","result_table_name":"fake","row.num":100,
    "schema":{"fields":{"name":"string","age":"int","card":"int"}}}],"sink":[{"plugin_name":"Console","source_table_name":["fake"]}]}`,
  `{"env":{"job.mode":"STREAMING","parallelism":3,"job.name":"n\\"a\\u00e9me","x":"<tag>&\\u2028"},"source":[{"plugin_name":"FakeSource"}],"sink":[{"plugin_name":"Console"}]}`,
  // multi-table source shuffled to two sinks; integer-like table names come first in JS key order
  `{"env":{"job.mode":"batch","sim.rows-per-second":"7"},"source":[{"plugin_name":"FakeSource","result_table_name":"fake","tables_configs":[
      {"row.num":3,"schema":{"table":"zz.t","fields":{"id":"bigint","s":"string"}}},
      {"row.num":70,"schema":{"table":"42","fields":{"id":"int"}}},
      {"row.num":9,"schema":{"table":"a.b","fields":{"id":"double"}}}]}],
    "sink":[{"plugin_name":"Console","source_table_name":"fake"},{"plugin_name":"LocalFile","source_table_name":"fake","path":"/tmp"}]}`,
  // transforms chained, two sources, odd string length (fractional bytes per row), failure
  `{"env":{"job.mode":"batch","sim.fail-at-row":"33","sim.fail-message":"boom \\"quoted\\""},"source":[
      {"plugin_name":"FakeSource","result_table_name":"a","row.num":50,"string.length":2.5,"schema":{"fields":{"s":"string","t":"string","u":"string"}}},
      {"plugin_name":"FakeSource","result_table_name":"b","row.num":20}],
    "transform":[{"plugin_name":"Sql","source_table_name":"a","result_table_name":"c","query":"select 1"},{"plugin_name":"Filter","source_table_name":"c","result_table_name":"d"}],
    "sink":[{"plugin_name":"Console","source_table_name":"d"},{"plugin_name":"Jdbc","source_table_name":"b"},{"plugin_name":"Console","source_table_name":"b"}]}`,
  `{"env":{"job.mode":"STREAMING","sim.slow-start-seconds":"2","sim.duration-seconds":"3"},"source":[{"plugin_name":"FakeSource"}],"sink":[{"plugin_name":"Console"}]}`,
];

const T0 = 1_700_000_000_000;

/** Records of each config at many moments of their lives: pending, running, stopping, ended, adopted, restored. */
function records(): JobRecord[] {
  const out: JobRecord[] = [];
  CONFIGS.forEach((text, i) => {
    const fresh = newJobRecord({ jobId: String(1179193289337733121n + BigInt(i)), jobNameParam: i === 1 ? undefined : `job ${i}`, isStartWithSavePoint: i === 2, config: config(text), owner: 'n', now: T0 });
    out.push(fresh);
    out.push(newJobRecord({ jobId: '7', jobNameParam: 'waiting', isStartWithSavePoint: false, config: config(text), owner: 'n', now: T0, placement: 'wait' }));
    out.push(newJobRecord({ jobId: '8', jobNameParam: 'rejected', isStartWithSavePoint: false, config: config(text), owner: 'n', now: T0, placement: 'reject' }));
    out.push(newJobRecord({ jobId: '9', jobNameParam: 'restored', isStartWithSavePoint: true, config: config(text), owner: 'n', now: T0, restoredRows: { fake: 11, a: 3, '42': 5 } }));
    for (const at of [1_000, 4_321, 60_000]) {
      const stopped = requestStop(fresh, T0 + at, at % 2 === 0);
      if (stopped) out.push(stopped, settle(stopped, T0 + at + 10_000) ?? stopped);
      const ended = settle(fresh, T0 + at * 100);
      if (ended) out.push(ended);
      out.push(adoptJob(fresh, 'm', T0 + at));
    }
  });
  return out;
}

const SHAPES: Record<string, JobShape> = {
  '2.3.9': { connectorVersion: '2.3.9', startTime: false, metrics: METRICS_2_3_8 },
  '2.3.12': { connectorVersion: '2.3.12', startTime: true, metrics: METRICS_2_3_12 },
  '2.3.13': { connectorVersion: '2.3.13', startTime: true, metrics: METRICS_2_3_13 },
};

const RUNNING_KEYS = ['jobId', 'jobName', 'jobStatus', 'envOptions', 'createTime', 'startTime', 'jobDag', 'pluginJarsUrls', 'isStartWithSavePoint', 'metrics'];
const FINISHED_KEYS = ['jobId', 'jobName', 'jobStatus', 'errorMsg', 'createTime', 'startTime', 'finishTime', 'jobDag', 'pluginJarsUrls', 'metrics'];

describe('jobs as JSON text, per release shape', () => {
  it('parse, keep BaseService key order (startTime from 2.3.12, #9400) and the metric order of the release, at any moment, v1 and v2', () => {
    let compared = 0;
    for (const [release, shape] of Object.entries(SHAPES)) {
      const keys = (all: string[], api: 'v1' | 'v2') => all.filter((k) => (shape.startTime || k !== 'startTime') && (api === 'v2' || k !== 'envOptions'));
      for (const record of records()) {
        for (const dt of [0, 1, 999, 1_000, 2_500, 7_777, 100_000, 10_000_000]) {
          const snapshot = projectJob(record, T0 + dt);
          for (const api of ['v1', 'v2'] as const) {
            const running = JSON.parse(runningJobJson(record, snapshot, api, shape));
            assert.deepEqual(Object.keys(running), keys(RUNNING_KEYS, api), release);
            assert.deepEqual(Object.keys(running.metrics), shape.metrics.order, release);
            assert.ok(running.pluginJarsUrls.every((jar: { jarPath: string }) => jar.jarPath.endsWith(`-${release}.jar`)));
          }
          const finished = JSON.parse(finishedJobJson(record, snapshot, shape));
          assert.deepEqual(Object.keys(finished), keys(FINISHED_KEYS, 'v2'), release);
          for (const value of Object.values(finished.metrics)) assert.ok(typeof value === 'string' || (typeof value === 'object' && Object.values(value as object).every((v) => typeof v === 'string')));
          compared++;
        }
      }
    }
    assert.ok(compared > 900, `${compared} comparisons`);
  });

  it('give startTime as SeaTunnel formats it once scheduled, null while the job waits for slots', () => {
    const shape = SHAPES['2.3.12']!;
    const waiting = records().find((r) => r.jobName === 'waiting')!;
    assert.equal(JSON.parse(runningJobJson(waiting, projectJob(waiting, T0), 'v2', shape)).startTime, null);
    const running = records()[0]!;
    assert.match(JSON.parse(runningJobJson(running, projectJob(running, T0 + 5_000), 'v2', shape)).startTime, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('omit properties that are undefined, as SeaTunnel leaves out what it does not have', () => {
    const record = records()[0]!;
    const partial = { ...record, errorMsg: undefined, isStartWithSavePoint: undefined } as unknown as JobRecord;
    const snapshot = { ...projectJob(partial, T0 + 5_000), errorMsg: undefined } as unknown as ReturnType<typeof projectJob>;
    assert.ok(!('isStartWithSavePoint' in JSON.parse(runningJobJson(partial, snapshot, 'v2', SHAPES['2.3.9']!))));
    assert.ok(!('errorMsg' in JSON.parse(finishedJobJson(partial, snapshot, SHAPES['2.3.9']!))));
  });
});
