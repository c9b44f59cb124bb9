import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, post, startTestNodes, type TestNodes } from './support.js';

/** A streaming FakeSource keeps running (and holding its 2 slots) until stopped. */
const STREAM = {
  env: { 'job.mode': 'STREAMING' },
  source: [{ plugin_name: 'FakeSource', plugin_output: 'fake', 'row.num': 1_000_000, schema: { fields: { name: 'string' } } }],
  sink: [{ plugin_name: 'Console' }],
};

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, millis = 8000): Promise<T> {
  const deadline = Date.now() + millis;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('GET /resource/workers (3.0, #11909): two nodes of 2 fixed slots', () => {
  let cluster: TestNodes;
  let url: string;
  before(async () => {
    cluster = await startTestNodes(2, 29400, { SEATUNNEL_SIM_PROFILE: '3.0', SEATUNNEL_SIM_DYNAMIC_SLOT: 'false', SEATUNNEL_SIM_SLOT_NUM: '2' });
    url = cluster.nodes[0]!.url;
  });
  after(() => cluster.stop());

  it('lists every worker sorted by address, in WorkerResourceDiagnostic field order, with the slots a running job holds', async () => {
    const { jobId } = (await post(`${url}/submit-job`, STREAM)).json();
    const body = await until(
      async () => (await call(`${url}/resource/workers`)).json(),
      (b) => b.workers.some((w: { usedSlots: number }) => w.usedSlots > 0),
      'the job to take its slots',
    );
    assert.deepEqual(Object.keys(body), ['available', 'collectedAt', 'workers']);
    assert.equal(body.available, true);
    assert.equal(typeof body.collectedAt, 'number');
    assert.equal(body.workers.length, 2);
    const addresses = body.workers.map((w: { address: string }) => w.address);
    assert.deepEqual(addresses, [...addresses].sort());
    for (const w of body.workers) {
      assert.match(w.address, /^\[127\.0\.0\.1\]:294\d\d$/);
      assert.deepEqual(Object.keys(w), [
        'address', 'tags', 'totalSlots', 'freeSlots', 'usedSlots', 'dynamicSlot', 'totalCpuCores', 'availableCpuCores',
        'totalHeapMemoryBytes', 'availableHeapMemoryBytes', 'runningJobIds',
      ].filter((k) => k in w));
      assert.equal(w.totalSlots, 2);
      assert.equal(w.freeSlots + w.usedSlots, 2);
      assert.equal(w.dynamicSlot, false);
    }
    const holder = body.workers.find((w: { usedSlots: number }) => w.usedSlots > 0);
    assert.equal(holder.usedSlots, 2);
    // Job ids are JSON numbers (Gson writes the Long), so compare the raw text.
    const raw = (await call(`${url}/resource/workers`)).text;
    assert.ok(raw.includes(`"runningJobIds":[${jobId}]`), raw);
    await post(`${url}/stop-job`, { jobId, isStopWithSavePoint: false });
  });

  it('is REST v2 only and GET only (POST → Jetty 405), and unknown to 2.3.13', async () => {
    assert.equal((await call(`${url}/resource/workers`, { method: 'POST' })).status, 405);
    const older = await startTestNodes(1, 29410, { SEATUNNEL_SIM_PROFILE: '2.3.13' });
    try {
      assert.equal((await call(`${older.nodes[0]!.url}/resource/workers`)).status, 404);
    } finally {
      await older.stop();
    }
  });
});

describe('GET /option-rules (3.0 source/sink, 3.1 transform too; #10585)', () => {
  let v30: TestNodes;
  let v31: TestNodes;
  before(async () => {
    v30 = await startTestNodes(1, 29420, { SEATUNNEL_SIM_PROFILE: '3.0' });
    v31 = await startTestNodes(1, 29425, { SEATUNNEL_SIM_PROFILE: '3.1' });
  });
  after(async () => {
    await v30.stop();
    await v31.stop();
  });

  it("FakeSource: SeaTunnel's option names, types and defaults, schema/tables_configs exclusive, templates conditional on the fake mode", async () => {
    const res = await call(`${v30.nodes[0]!.url}/option-rules?type=SOURCE&plugin=%20fakesource%20`);
    assert.equal(res.status, 200, res.text);
    const body = res.json();
    assert.deepEqual(Object.keys(body), ['engineType', 'pluginType', 'pluginName', 'optionRule']);
    assert.deepEqual([body.engineType, body.pluginType, body.pluginName], ['seatunnel', 'source', 'FakeSource']);
    assert.deepEqual(Object.keys(body.optionRule), ['optionalOptions', 'requiredOptions', 'conditionRules', 'valueConstraints']);
    const rowNum = body.optionRule.optionalOptions.find((o: { key: string }) => o.key === 'row.num');
    assert.deepEqual(rowNum, { key: 'row.num', type: 'java.lang.Integer', defaultValue: 5, description: 'The total number of data generated per degree of parallelism', fallbackKeys: [] });
    const [exclusive, ...conditional] = body.optionRule.requiredOptions;
    assert.equal(exclusive.ruleType, 'EXCLUSIVE');
    assert.deepEqual(exclusive.options.map((o: { key: string }) => o.key), ['tables_configs', 'schema']);
    assert.equal(conditional.length, 7);
    assert.equal(conditional[0].ruleType, 'CONDITIONAL');
    assert.equal(conditional[0].expression, "'string.fake.mode' == TEMPLATE");
    assert.equal(conditional[0].expressionTree.condition.option.defaultValue, 'RANGE');
    // Gson's HTML-safe escaping of the expression.
    assert.ok(res.text.includes('"expression":"\\u0027string.fake.mode\\u0027 \\u003d\\u003d TEMPLATE"'), res.text.slice(0, 400));
  });

  it('Console as a sink; errors are the servlet\'s own {"status":"FAIL"} with 400 or 404', async () => {
    const url = v30.nodes[0]!.url;
    const console = (await call(`${url}/option-rules?type=sink&plugin=Console`)).json();
    assert.deepEqual(console.optionRule.optionalOptions.map((o: { key: string }) => o.key), ['log.print.data', 'log.print.delay.ms', 'multi_table_sink_replica']);
    assert.deepEqual(console.optionRule.requiredOptions, []);
    const cases: [string, number, string][] = [
      ['?plugin=FakeSource', 400, "Parameter 'type' cannot be empty."],
      ['?type=source', 400, "Parameter 'plugin' cannot be empty."],
      ['?type=transform&plugin=Copy', 400, "Unsupported plugin type 'transform'. Only 'source' and 'sink' are supported."],
      ['?type=source&plugin=Kafka', 404, "Plugin 'Kafka' not found for type 'source'."],
    ];
    for (const [query, status, message] of cases) {
      const res = await call(`${url}/option-rules${query}`);
      assert.equal(res.status, status, query);
      assert.deepEqual(res.json(), { status: 'FAIL', message }, query);
    }
    const v31Transform = await call(`${v31.nodes[0]!.url}/option-rules?type=transform&plugin=Nope`);
    assert.equal(v31Transform.status, 404);
    assert.equal(v31Transform.json().message, "Plugin 'Nope' not found for type 'transform'.");
  });
});
