import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, post, startTestNodes, type TestNodes } from './support.js';

/**
 * Realtime metrics (3.0, apache/seatunnel#10572): RealtimeMetricsServlet on the master, buckets of
 * the job's env.engine.observability, computed from the simulation. The clock is advanced by hand
 * so the collector's 5-second ticks have run.
 */
const observed = (sinkMicrosPerRow: number) => ({
  env: {
    'job.mode': 'STREAMING',
    'sim.sink-write-micros-per-row': String(sinkMicrosPerRow),
    engine: { observability: { enabled: true, bucket_ms: 5000, retention_minutes: 3 } },
  },
  source: [{ plugin_name: 'FakeSource', plugin_output: 'fake', 'row.num': 100_000_000, schema: { fields: { name: 'string' } } }],
  sink: [{ plugin_name: 'Console' }],
});
const PLAIN = { ...observed(50), env: { 'job.mode': 'STREAMING' } };

describe('GET /metrics/realtime (3.0, #10572) on two nodes', () => {
  let cluster: TestNodes;
  let master: string;
  let other: string;
  let busy: string;
  let plain: string;
  let light: string;
  let sinkId: number;
  let sourceId: number;
  before(async () => {
    cluster = await startTestNodes(2, 30300, { SEATUNNEL_SIM_PROFILE: '3.0', SEATUNNEL_SIM_ADMIN_API: 'true', SEATUNNEL_SIM_DYNAMIC_SLOT: 'true' });
    master = cluster.nodes[0]!.url;
    other = cluster.nodes[1]!.url;
    // Submit just after a collector tick (ticks are every 5 s of the clock). A job that starts
    // reading only after the tick that takes its baseline has a partial first bucket (read + idle
    // under 5 s, no sink rows yet), as a real collector would show: about one run in twenty
    // submitted there, and the assertions below are about full buckets.
    const { now } = (await call(`${master}/_sim/clock`)).json() as { now: number };
    await post(`${master}/_sim/clock/advance`, { millis: 5000 - (now % 5000) + 50 });
    // A sink at 20 ms a row behind 75 rows/s is busy 1.5 times over: its queue fills, producers wait 1/3.
    busy = (await post(`${master}/submit-job`, observed(20_000))).json().jobId;
    light = (await post(`${master}/submit-job`, observed(50))).json().jobId;
    plain = (await post(`${master}/submit-job`, PLAIN)).json().jobId;
    await post(`${master}/_sim/clock/advance`, { seconds: 31 });
    const dag = (await call(`${master}/job-info/${busy}`)).json().jobDag;
    sourceId = dag.vertexInfoMap.find((v: { type: string }) => v.type === 'source').vertexId;
    sinkId = dag.vertexInfoMap.find((v: { type: string }) => v.type === 'sink').vertexId;
  });
  after(async () => {
    for (const id of [busy, light, plain]) await post(`${master}/stop-job`, { jobId: id, isStopWithSavePoint: false });
    await cluster.stop();
  });

  it('lists every running job with its settings and the collector, as JSON numbers', async () => {
    const res = await call(`${master}/metrics/realtime/jobs`);
    assert.equal(res.status, 200);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), ['collector', 'jobs']);
    // Job ids are Longs past 2^53: find each job's object in the raw text.
    const job = (id: string): Record<string, unknown> => {
      const text = (res.text.match(/\{[^{}]*\}/g) ?? []).find((o) => new RegExp(`"jobId":${id}[,}]`).test(o));
      assert.ok(text, `job ${id} in ${res.text}`);
      return JSON.parse(text.replace(/"jobId":\d+/, '"jobId":0'));
    };
    const on = job(busy);
    assert.equal(on['enabled'], true);
    assert.equal(on['bucketMs'], 5000);
    assert.equal(on['retentionMinutes'], 3);
    assert.equal((on['latestBucketStartMs'] as number) % 5000, 0);
    const off = job(plain);
    assert.equal(off['enabled'], false);
    assert.equal(off['latestBucketStartMs'], -1);
    assert.equal(body.collector.pollIntervalMs, 5000);
    assert.equal(body.collector.fetchTimeoutMs, 3000);
    assert.equal(body.collector.collectFailureCount, 0);
    // The same answer under the bare prefix.
    assert.equal((await call(`${master}/metrics/realtime`)).json().jobs.length, body.jobs.length);
  });

  it('answers only on the master: Jetty 404 "Not a master node" elsewhere', async () => {
    const res = await call(`${other}/metrics/realtime/jobs`);
    assert.equal(res.status, 404);
    assert.match(res.text, /HTTP ERROR 404 Not a master node/);
    assert.match(res.text, /RealtimeMetricsServlet/);
  });

  it('vertices: source read + idle fill each bucket, a saturated sink is busy 1.0', async () => {
    const body = (await call(`${master}/metrics/realtime/jobs/${busy}/vertices`)).json();
    assert.equal(body.bucketMs, 5000);
    assert.ok(body.toMs - body.fromMs <= 180_000);
    const source = body.vertices.find((v: { vertexId: number }) => v.vertexId === sourceId);
    const sink = body.vertices.find((v: { vertexId: number }) => v.vertexId === sinkId);
    assert.ok(source.points.length >= 4, JSON.stringify(source));
    // The first sample is the baseline (delta 0); later buckets hold 5 s of counters each.
    const full = source.points.slice(1);
    for (const p of full) {
      assert.ok(p.sourceReadRatio > 0 && p.sourceReadRatio < 0.01, JSON.stringify(p));
      assert.ok(Math.abs(p.sourceReadRatio + p.sourceIdleRatio - 1) < 1e-9, JSON.stringify(p));
      assert.equal(p.ts % 5000, 0);
    }
    for (const p of sink.points.slice(1)) {
      assert.equal(p.sinkBusyRatio, 1);
      assert.equal(p.sinkWriteNsPerRecord, 20_000_000);
      assert.ok(p.sinkRecordsIn >= 370 && p.sinkRecordsIn <= 380, JSON.stringify(p));
    }
  });

  it('edges: the sink input queue (queueId -(2·id+1)) is full and its producer waits a third of the time', async () => {
    const body = (await call(`${master}/metrics/realtime/jobs/${busy}/edges?windowMs=60000`)).json();
    assert.deepEqual(body.edges.map((e: { queueId: number; targetVertexId: number }) => [e.queueId, e.targetVertexId]), [[-(2 * sinkId + 1), sinkId]]);
    const points = body.edges[0].points;
    assert.ok(points.every((p: { ts: number }) => p.ts >= body.fromMs), 'windowMs bounds the points');
    for (const p of points.slice(1)) {
      assert.equal(p.queueCapacity, 2048);
      assert.equal(p.queueSize, 2048);
      assert.equal(p.queueFillRatio, 1);
      assert.ok(Math.abs(p.bpRatio - 1 / 3) < 0.01, JSON.stringify(p));
    }
    const light_ = (await call(`${master}/metrics/realtime/jobs/${light}/edges`)).json();
    for (const p of light_.edges[0].points) {
      assert.equal(p.bpRatio, 0);
      assert.equal(p.emitBlockedNs, 0);
      assert.ok(p.queueFillRatio < 0.01);
    }
  });

  it('windowMs is clamped to 10 minutes and then to the retention; a bad value is the default', async () => {
    const big = (await call(`${master}/metrics/realtime/jobs/${busy}/vertices?windowMs=99999999`)).json();
    assert.equal(big.toMs - big.fromMs, 180_000);
    const bad = (await call(`${master}/metrics/realtime/jobs/${busy}/vertices?windowMs=soon`)).json();
    assert.equal(bad.toMs - bad.fromMs, 180_000);
    const small = (await call(`${master}/metrics/realtime/jobs/${busy}/vertices?windowMs=10000`)).json();
    assert.equal(small.toMs - small.fromMs, 10_000);
    assert.ok(small.vertices[0].points.length <= 2);
  });

  it('a job without observability: enabled false and no series; an unknown job: {}', async () => {
    const raw = (await call(`${master}/metrics/realtime/jobs/${plain}/edges`)).text;
    const body = JSON.parse(raw);
    assert.equal(body.enabled, false);
    assert.deepEqual(body.edges, []);
    assert.equal(body.toMs - body.fromMs, 180_000);
    assert.equal((await call(`${master}/metrics/realtime/jobs/123/vertices`)).text, '{}');
  });

  it('refuses what RealtimeMetricsServlet refuses, with Jetty pages', async () => {
    const bad = await call(`${master}/metrics/realtime/jobs/abc/edges`);
    assert.equal(bad.status, 400);
    assert.match(bad.text, /Invalid jobId/);
    const unsupported = await call(`${master}/metrics/realtime/jobs/${busy}`);
    assert.equal(unsupported.status, 404);
    assert.match(unsupported.text, /Unsupported endpoint/);
    assert.equal((await call(`${master}/metrics/realtime/jobs/${busy}/edges/`)).status, 200);
    assert.equal((await call(`${master}/metrics/realtime/jobs`, { method: 'POST' })).status, 405);
  });
});

describe('GET /metrics/realtime before 3.0', () => {
  let cluster: TestNodes;
  before(async () => {
    cluster = await startTestNodes(1, 30340, { SEATUNNEL_SIM_PROFILE: '2.3.13' });
  });
  after(() => cluster.stop());

  it('is the /metrics servlet\'s path (telemetry text), not realtime JSON', async () => {
    const res = await call(`${cluster.nodes[0]!.url}/metrics/realtime/jobs`);
    assert.ok(!res.text.startsWith('{'), res.text.slice(0, 80));
  });
});
