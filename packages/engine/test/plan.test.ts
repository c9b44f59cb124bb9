import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPlan, jobDagView, newJobRecord } from '../src/index.js';
import { config, DOCS_EXAMPLE } from './fixtures.js';

describe('buildPlan', () => {
  it('builds the docs example DAG exactly as SeaTunnel 2.3.9 reports it', () => {
    const record = newJobRecord({ jobId: '899485770241277953', jobNameParam: 'rest_api_test', isStartWithSavePoint: false, config: config(DOCS_EXAMPLE), owner: 'n', now: 0 });
    assert.deepEqual(JSON.parse(JSON.stringify(jobDagView(record))), {
      jobId: '899485770241277953',
      pipelineEdges: { '1': [{ inputVertexId: '1', targetVertexId: '2' }] },
      envOptions: { 'job.mode': 'batch' },
      vertexInfoMap: [
        { vertexId: 1, type: 'source', vertexName: 'pipeline-1 [Source[0]-FakeSource]', tablePaths: ['fake'] },
        { vertexId: 2, type: 'sink', vertexName: 'pipeline-1 [Sink[0]-Console-MultiTableSink]', tablePaths: ['fake'] },
      ],
    });
  });

  it('gives a transform chain a fresh id after the plain vertices (src→Sql→sink = 1, 3, chain 4)', () => {
    const plan = buildPlan(config(`{"env":{},"source":[{"plugin_name":"FakeSource","result_table_name":"a"}],
      "transform":[{"plugin_name":"Sql","source_table_name":"a","result_table_name":"b","query":"select * from a"}],
      "sink":[{"plugin_name":"Console","source_table_name":"b"}]}`));
    assert.deepEqual(plan.vertices.map((v) => [v.vertexId, v.type, v.vertexName]), [
      [1, 'source', 'pipeline-1 [Source[0]-FakeSource]'],
      [3, 'sink', 'pipeline-1 [Sink[0]-Console-MultiTableSink]'],
      [4, 'transform', 'pipeline-1 [TransformChain[Transform[0]-Sql]]'],
    ]);
    assert.deepEqual(plan.pipelineEdges['1'], [{ inputVertexId: 1, targetVertexId: 4 }, { inputVertexId: 4, targetVertexId: 3 }]);
  });

  it('splits unconnected sub-graphs into pipelines 1 and 2', () => {
    const plan = buildPlan(config(`{"env":{},"source":[{"plugin_name":"FakeSource","result_table_name":"a"},{"plugin_name":"FakeSource","result_table_name":"b"}],
      "sink":[{"plugin_name":"Console","source_table_name":"a"},{"plugin_name":"Console","source_table_name":"b"}]}`));
    assert.deepEqual(Object.keys(plan.pipelineEdges), ['1', '2']);
    assert.ok(plan.vertices.some((v) => v.vertexName.startsWith('pipeline-2 [')));
  });

  it('counts rows per parallelism and defaults row.num to 5', () => {
    const plan = buildPlan(config(`{"env":{"parallelism":2},"source":[{"plugin_name":"FakeSource"}],"sink":[{"plugin_name":"Console"}]}`));
    assert.equal(plan.sourceTables[0]?.totalRows, 10);
  });

  it('reads multiple tables from tables_configs and shuffles a multi-table source to several sinks', () => {
    const plan = buildPlan(config(`{"env":{},"source":[{"plugin_name":"FakeSource","result_table_name":"fake","tables_configs":[
        {"row.num":3,"schema":{"table":"fake.table1","fields":{"id":"bigint"}}},
        {"row.num":7,"schema":{"table":"fake.public.table2","fields":{"id":"int"}}}]}],
      "sink":[{"plugin_name":"Console","source_table_name":"fake"},{"plugin_name":"LocalFile","source_table_name":"fake","path":"/tmp"}]}`));
    assert.deepEqual(plan.sourceTables.map((t) => [t.tablePath, t.totalRows, t.bytesPerRow]), [['fake.table1', 3, 8], ['fake.public.table2', 7, 4]]);
    assert.deepEqual(plan.vertices.map((v) => [v.vertexId, v.type, v.vertexName]), [
      [1, 'source', 'pipeline-1 [Source[0]-FakeSource]'],
      [2, 'sink', 'pipeline-1 [Sink[0]-Console-MultiTableSink]'],
      [3, 'sink', 'pipeline-1 [Sink[1]-LocalFile-MultiTableSink]'],
      [4, 'transform', 'pipeline-1 [Shuffle [Source[0]-FakeSource]]'],
    ]);
    assert.deepEqual(plan.vertices[0]?.tablePaths, ['fake.table1', 'fake.public.table2']);
    assert.deepEqual(plan.pipelineEdges['1'], [
      { inputVertexId: 1, targetVertexId: 4 },
      { inputVertexId: 4, targetVertexId: 2 },
      { inputVertexId: 4, targetVertexId: 3 },
    ]);
  });

  it('lets a sink of a simple graph that names a table nobody makes read the source (SeaTunnel only logs it)', () => {
    const plan = buildPlan(config(`{"env":{},"source":[{"plugin_name":"FakeSource","result_table_name":"a"}],"sink":[{"plugin_name":"Console","source_table_name":"zzz"}]}`));
    assert.deepEqual(plan.pipelineEdges, { '1': [{ inputVertexId: 1, targetVertexId: 2 }] });
  });

  it("numbers the logical DAG as SeaTunnel 2.3.8 does: a multi-table sink is made per table before it is wrapped", () => {
    const two = buildPlan(
      config(`{"env":{},"source":[{"plugin_name":"FakeSource","result_table_name":"a"},{"plugin_name":"FakeSource","result_table_name":"b"}],"sink":[{"plugin_name":"Console","source_table_name":"a"},{"plugin_name":"Console","source_table_name":"b"}]}`),
    );
    // A real 2.3.8 engine (test/differential): sources 1 and 2, sinks 4 and 6, listed as the edges meet them.
    assert.deepEqual(two.logical.vertices.map((v) => v.name), ['Source[0]-FakeSource(id=1)', 'Sink[0]-Console-MultiTableSink(id=4)', 'Source[1]-FakeSource(id=2)', 'Sink[1]-Console-MultiTableSink(id=6)']);
  });
});
