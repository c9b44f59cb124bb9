import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  adoptJob,
  finishedJobJson,
  finishedJobView,
  newJobRecord,
  projectJob,
  requestStop,
  runningJobJson,
  runningJobView,
  settle,
  type JobRecord,
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

/**
 * The text is the view's JSON, byte for byte — except that a JS object lists integer-like keys
 * (a table named "42") first, where the text keeps SeaTunnel's HashMap order: those compare parsed.
 */
function sameJson(text: string, view: unknown): void {
  if (/"\d+":"/.test(text)) assert.deepEqual(JSON.parse(text), view);
  else assert.equal(text, JSON.stringify(view));
}

describe('job views as JSON text', () => {
  it('are byte for byte JSON.stringify of the view objects, at any moment, v1 and v2', () => {
    let compared = 0;
    for (const record of records()) {
      for (const dt of [0, 1, 999, 1_000, 2_500, 7_777, 100_000, 10_000_000]) {
        const snapshot = projectJob(record, T0 + dt);
        for (const api of ['v1', 'v2'] as const) {
          sameJson(runningJobJson(record, snapshot, api, '2.3.9'), runningJobView(record, snapshot, api));
        }
        sameJson(finishedJobJson(record, snapshot, '2.3.9'), finishedJobView(record, snapshot));
        compared++;
      }
    }
    assert.ok(compared > 300, `${compared} comparisons`);
  });

  it('omit properties that are undefined, as JSON.stringify does', () => {
    const record = records()[0]!;
    const partial = { ...record, errorMsg: undefined, isStartWithSavePoint: undefined } as unknown as JobRecord;
    const snapshot = { ...projectJob(partial, T0 + 5_000), errorMsg: undefined } as unknown as ReturnType<typeof projectJob>;
    assert.equal(runningJobJson(partial, snapshot, 'v2', '2.3.9'), JSON.stringify(runningJobView(partial, snapshot, 'v2')));
    assert.equal(finishedJobJson(partial, snapshot, '2.3.9'), JSON.stringify(finishedJobView(partial, snapshot)));
  });
});
