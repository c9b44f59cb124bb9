/**
 * The differential scenario: what a client does to a SeaTunnel 2.3.8 cluster (REST v1), every
 * endpoint on its success and error paths. Each step goes to the real engine and to the simulator
 * at the same time; `{job:name}` stands for the id each side gave the job submitted as `name`.
 */
export interface ScenarioStep {
  name: string;
  method: 'GET' | 'POST' | 'HEAD' | 'PUT' | 'DELETE';
  /** Path under the server root, e.g. `/hazelcast/rest/maps/job-info/{job:batch}`. */
  path: string;
  /** Request body as text (placeholders allowed); sent as application/json unless `contentType` says otherwise. */
  body?: string;
  contentType?: string | null;
  /** Names for the job ids the answer returns (`submit-jobs`: one per element). */
  names?: string[];
  /** Milliseconds to wait before the step. */
  after?: number;
  /** Ask the real engine until the job has this status before comparing (what "after it finished" means). */
  until?: { job: string; status: string | string[] };
}

const M = '/hazelcast/rest/maps';
const fields = { name: 'string', age: 'int' };
const fake = (rows: number, table = 'fake', extra: Record<string, unknown> = {}) => ({ plugin_name: 'FakeSource', result_table_name: table, 'row.num': rows, schema: { fields }, ...extra });
const consoleSink = (table = 'fake') => ({ plugin_name: 'Console', source_table_name: [table] });
const job = (env: Record<string, unknown>, source: unknown[], sink: unknown[], transform?: unknown[]): string =>
  JSON.stringify({ env, source, ...(transform ? { transform } : {}), sink });

const BATCH = job({ 'job.mode': 'batch' }, [fake(100)], [consoleSink()]);
/** A streaming FakeSource reads its 10 rows and then idles: its counts are final once read. */
const STREAM = job({ 'job.mode': 'STREAMING' }, [fake(10, 'fake', { 'split.num': 1, 'split.read-interval': 1000 })], [consoleSink()]);
const SQL = job(
  { 'job.mode': 'BATCH' },
  [fake(20)],
  [consoleSink('fake2')],
  [{ plugin_name: 'Sql', source_table_name: 'fake', result_table_name: 'fake2', query: 'select name, age from fake' }],
);
const TWO_PIPELINES = job({ 'job.mode': 'BATCH' }, [fake(7, 'fake_a'), fake(9, 'fake_b')], [consoleSink('fake_a'), consoleSink('fake_b')]);
const PARALLEL_STREAM = job({ 'job.mode': 'STREAMING', parallelism: 2 }, [fake(10)], [consoleSink()]);
const MANY_ENV = job({ 'job.mode': 'BATCH', 'job.name': 'env_order', 'checkpoint.interval': 5000, parallelism: 1, 'job.retry.times': 2 }, [fake(3)], [consoleSink()]);
const MULTI_TABLE = job(
  { 'job.mode': 'BATCH' },
  [{ plugin_name: 'FakeSource', result_table_name: 'fake', tables_configs: [{ 'row.num': 4, schema: { table: 'db.t1', fields } }, { 'row.num': 6, schema: { table: 'db.t2', fields } }] }],
  [{ plugin_name: 'Console', source_table_name: ['fake'] }],
);
const BAD = (patch: (config: Record<string, unknown>) => void): string => {
  const config = JSON.parse(BATCH) as Record<string, unknown>;
  patch(config);
  return JSON.stringify(config);
};

const get = (name: string, path: string, extra: Partial<ScenarioStep> = {}): ScenarioStep => ({ name, method: 'GET', path, ...extra });
const post = (name: string, path: string, body: string, extra: Partial<ScenarioStep> = {}): ScenarioStep => ({ name, method: 'POST', path, body, ...extra });

export const SCENARIO_2_3_8: readonly ScenarioStep[] = [
  // An empty cluster.
  get('overview (empty)', `${M}/overview`),
  get('running-jobs (empty)', `${M}/running-jobs`),
  get('finished-jobs (empty)', `${M}/finished-jobs`),
  get('system-monitoring-information', `${M}/system-monitoring-information`),
  get('running-threads', `${M}/running-threads`),
  get('thread-dump', `${M}/thread-dump`),
  get('job-info of an unknown id', `${M}/job-info/123`),
  get('running-job of an unknown id', `${M}/running-job/123`),
  get('job-info of a non-numeric id', `${M}/job-info/abc`),
  get('job-info without id', `${M}/job-info/`),
  get('job-info without slash', `${M}/job-info`),
  get('finished-jobs of an unknown state', `${M}/finished-jobs/BADSTATE`),
  get('unknown endpoint', `${M}/no-such-endpoint`),
  get('unknown map and key', `${M}/no-such-map/key`),
  post('POST to a GET endpoint', `${M}/overview`, '{}'),
  get('GET of a POST endpoint', `${M}/submit-job`),
  { name: 'HEAD overview', method: 'HEAD', path: `${M}/overview` },
  { name: 'DELETE overview', method: 'DELETE', path: `${M}/overview` },
  get('logs (no such endpoint in 2.3.8)', `${M}/logs`),
  get('log', `${M}/log`),
  get('get-all-log-name', `${M}/get-all-log-name`),
  get('Hazelcast cluster', '/hazelcast/rest/cluster'),
  get('Hazelcast health', '/hazelcast/health'),
  get('metrics (telemetry off)', '/hazelcast/rest/instance/metrics'),
  get('openmetrics (telemetry off)', '/hazelcast/rest/instance/openmetrics'),

  // A batch job from submit to FINISHED.
  post('submit a batch job', `${M}/submit-job?jobName=diff_batch`, BATCH, { names: ['batch'] }),
  get('batch job right after submit', `${M}/job-info/{job:batch}`),
  get('running-jobs with the batch job', `${M}/running-jobs`),
  get('batch job finished', `${M}/job-info/{job:batch}`, { until: { job: 'batch', status: 'FINISHED' } }),
  get('running-job of the finished job', `${M}/running-job/{job:batch}`),
  get('finished-jobs', `${M}/finished-jobs`),
  get('finished-jobs/FINISHED', `${M}/finished-jobs/FINISHED`),
  get('finished-jobs/finished (lower case)', `${M}/finished-jobs/finished`),
  get('overview after the batch job', `${M}/overview`),

  // DAG shapes: a transform, two pipelines, a multi-table source, several env keys.
  post('submit a Sql transform job', `${M}/submit-job?jobName=diff_sql`, SQL, { names: ['sql'] }),
  get('Sql job running', `${M}/job-info/{job:sql}`),
  get('Sql job finished', `${M}/job-info/{job:sql}`, { until: { job: 'sql', status: 'FINISHED' } }),
  post('submit a two-pipeline job', `${M}/submit-job?jobName=diff_two`, TWO_PIPELINES, { names: ['two'] }),
  get('two-pipeline job running', `${M}/job-info/{job:two}`),
  get('two-pipeline job finished', `${M}/job-info/{job:two}`, { until: { job: 'two', status: 'FINISHED' } }),
  post('submit a multi-table job', `${M}/submit-job?jobName=diff_multi`, MULTI_TABLE, { names: ['multi'] }),
  get('multi-table job running', `${M}/job-info/{job:multi}`),
  get('multi-table job finished', `${M}/job-info/{job:multi}`, { until: { job: 'multi', status: 'FINISHED' } }),
  post('submit a job with several env keys', `${M}/submit-job`, MANY_ENV, { names: ['env'] }),
  get('env job running', `${M}/job-info/{job:env}`),
  get('env job finished', `${M}/job-info/{job:env}`, { until: { job: 'env', status: 'FINISHED' } }),

  // Streaming: slots, cancel, savepoint and restore.
  post('submit a streaming job', `${M}/submit-job?jobName=diff_stream`, STREAM, { names: ['stream'] }),
  get('running-jobs with the streaming job', `${M}/running-jobs`, { after: 6000 }),
  get('streaming job running', `${M}/job-info/{job:stream}`),
  get('overview with one streaming job', `${M}/overview`),
  post('submit a parallel streaming job', `${M}/submit-job?jobName=diff_parallel`, PARALLEL_STREAM, { names: ['parallel'] }),
  get('overview with two streaming jobs', `${M}/overview`, { after: 3000 }),
  get('parallel job running', `${M}/job-info/{job:parallel}`),
  post('stop the streaming job', `${M}/stop-job`, '{"jobId":{job:stream},"isStopWithSavePoint":false}'),
  get('streaming job right after stop', `${M}/job-info/{job:stream}`),
  post('stop the parallel job', `${M}/stop-job`, '{"jobId":{job:parallel}}', { after: 1500 }),
  get('streaming job canceled', `${M}/job-info/{job:stream}`, { until: { job: 'stream', status: 'CANCELED' } }),
  get('finished-jobs/CANCELED', `${M}/finished-jobs/CANCELED`, { until: { job: 'parallel', status: 'CANCELED' } }),
  post('stop a finished job with savepoint', `${M}/stop-job`, '{"jobId":{job:batch},"isStopWithSavePoint":true}'),
  post('submit a job to savepoint', `${M}/submit-job?jobName=diff_savepoint`, STREAM, { names: ['savepoint'] }),
  post('stop it with savepoint', `${M}/stop-job`, '{"jobId":{job:savepoint},"isStopWithSavePoint":true}', { after: 6000 }),
  get('savepoint job right after stop', `${M}/job-info/{job:savepoint}`),
  get('savepoint done', `${M}/job-info/{job:savepoint}`, { until: { job: 'savepoint', status: 'SAVEPOINT_DONE' } }),
  post('restore from the savepoint', `${M}/submit-job?jobId={job:savepoint}&isStartWithSavePoint=true`, STREAM, { names: ['savepoint'] }),
  get('restored job running', `${M}/job-info/{job:savepoint}`, { after: 3000 }),
  post('cancel the restored job', `${M}/stop-job`, '{"jobId":{job:savepoint}}'),
  get('restored job canceled', `${M}/job-info/{job:savepoint}`, { until: { job: 'savepoint', status: 'CANCELED' } }),
  get('finished-jobs/SAVEPOINT_DONE', `${M}/finished-jobs/SAVEPOINT_DONE`),

  // Ids chosen by the client, submit-jobs and stop-jobs.
  post('submit with a jobId', `${M}/submit-job?jobId=4242&jobName=with_id`, STREAM),
  get('job-info of 4242', `${M}/job-info/4242`, { after: 2000 }),
  post('submit the same jobId again', `${M}/submit-job?jobId=4242&jobName=dup`, STREAM),
  post('stop-jobs with small ids', `${M}/stop-jobs`, '[{"jobId":4242,"isStopWithSavePoint":false},{"jobId":999,"isStopWithSavePoint":false}]'),
  get('4242 after stop-jobs', `${M}/job-info/4242`, { until: { job: '4242', status: 'CANCELED' } }),
  post('submit 4242 again after it ended', `${M}/submit-job?jobId=4242`, STREAM),
  post('submit-jobs', `${M}/submit-jobs`, `[{"params":{"jobName":"a"},${BATCH.slice(1)},{"params":{"jobName":"b","jobId":"4343"},${STREAM.slice(1)}]`, { names: ['sj1', 'sj2'] }),
  post('stop-jobs with long ids', `${M}/stop-jobs`, '[{"jobId":{job:sj2},"isStopWithSavePoint":false}]', { after: 2000 }),
  get('finished-jobs after submit-jobs', `${M}/finished-jobs`, { until: { job: 'sj1', status: 'FINISHED' } }),

  // Bad input.
  post('submit malformed JSON', `${M}/submit-job`, '{'),
  post('submit an empty body', `${M}/submit-job`, ''),
  post('submit {}', `${M}/submit-job`, '{}'),
  post('submit a JSON array', `${M}/submit-job`, '[]'),
  post('submit without env', `${M}/submit-job`, BAD((c) => delete c['env'])),
  post('submit without sink', `${M}/submit-job`, BAD((c) => delete c['sink'])),
  post('submit with source []', `${M}/submit-job`, BAD((c) => (c['source'] = []))),
  post('submit an unknown source', `${M}/submit-job?jobName=bad_plugin`, BAD((c) => ((c['source'] as Array<Record<string, unknown>>)[0]!['plugin_name'] = 'NoSuchSource'))),
  post('submit an unknown sink', `${M}/submit-job`, BAD((c) => ((c['sink'] as Array<Record<string, unknown>>)[0]!['plugin_name'] = 'NoSuchSink'))),
  post('submit a lower-case plugin name', `${M}/submit-job?jobName=lower`, BAD((c) => ((c['source'] as Array<Record<string, unknown>>)[0]!['plugin_name'] = 'fakesource')), { names: ['lower'] }),
  post('submit without plugin_name', `${M}/submit-job`, BAD((c) => delete (c['source'] as Array<Record<string, unknown>>)[0]!['plugin_name'])),
  post('submit job.mode NOT_A_MODE', `${M}/submit-job`, BAD((c) => (c['env'] = { 'job.mode': 'NOT_A_MODE' }))),
  post('submit parallelism abc', `${M}/submit-job`, BAD((c) => (c['env'] = { 'job.mode': 'BATCH', parallelism: 'abc' }))),
  post('submit a FakeSource without schema', `${M}/submit-job`, BAD((c) => delete (c['source'] as Array<Record<string, unknown>>)[0]!['schema'])),
  post('submit an unknown table name (a simple graph: SeaTunnel only logs it)', `${M}/submit-job`, BAD((c) => ((c['sink'] as Array<Record<string, unknown>>)[0]!['source_table_name'] = ['nobody'])), { names: ['nobody'] }),
  post('submit an unknown transform', `${M}/submit-job`, job({ 'job.mode': 'BATCH' }, [fake(5)], [consoleSink('fake2')], [{ plugin_name: 'NoSuchTransform', source_table_name: 'fake', result_table_name: 'fake2' }])),
  post(
    'submit an unknown transform after a Sql',
    `${M}/submit-job`,
    job({ 'job.mode': 'BATCH' }, [fake(5)], [consoleSink('fake3')], [
      { plugin_name: 'Sql', source_table_name: 'fake', result_table_name: 'fake2', query: 'select name from fake' },
      { plugin_name: 'NoSuchTransform', source_table_name: 'fake2', result_table_name: 'fake3' },
    ]),
  ),
  post('submit a Sql transform without query', `${M}/submit-job`, job({ 'job.mode': 'BATCH' }, [fake(5)], [consoleSink('fake2')], [{ plugin_name: 'Sql', source_table_name: 'fake', result_table_name: 'fake2' }])),
  post('submit a two-pipeline job naming an unknown table', `${M}/submit-job`, job({ 'job.mode': 'BATCH' }, [fake(7, 'fake_a'), fake(9, 'fake_b')], [consoleSink('fake_a'), consoleSink('nobody')])),
  post('submit two sources with one table name', `${M}/submit-job`, job({ 'job.mode': 'BATCH' }, [fake(7, 'same'), fake(9, 'same')], [consoleSink('same'), consoleSink('same')])),
  post('submit checkpoint.interval abc', `${M}/submit-job`, BAD((c) => (c['env'] = { 'job.mode': 'BATCH', 'checkpoint.interval': 'abc' }))),
  post('submit job.retry.times abc', `${M}/submit-job`, BAD((c) => (c['env'] = { 'job.mode': 'BATCH', 'job.retry.times': 'abc' }))),
  { name: 'PUT stop-job (v1 takes PUT as POST)', method: 'PUT', path: `${M}/stop-job`, body: '{"jobId":123}' },
  post('submit with savepoint but no jobId', `${M}/submit-job?isStartWithSavePoint=true`, BATCH),
  post('submit HOCON on v1', `${M}/submit-job?format=hocon`, 'env { job.mode = "batch" }'),
  post('submit as text/plain', `${M}/submit-job?jobName=plain`, BATCH, { contentType: 'text/plain', names: ['plain'] }),
  post('stop-job {}', `${M}/stop-job`, '{}'),
  post('stop-job with a string id', `${M}/stop-job`, '{"jobId":"123"}'),
  post('stop-job of an unknown id', `${M}/stop-job`, '{"jobId":123}'),
  post('stop-jobs {}', `${M}/stop-jobs`, '{}'),
  post('duplicate key: stop-job with jobId twice', `${M}/stop-job`, '{"jobId":123,"jobId":456}'),
  post('submit with a null env value', `${M}/submit-job?jobName=null_env`, BAD((c) => (c['env'] = { 'job.mode': 'BATCH', 'custom.key': null })), { names: ['nullenv'] }),
  post('submit-jobs {}', `${M}/submit-jobs`, '{}'),

  // Config and tags.
  post('encrypt-config', `${M}/encrypt-config`, JSON.stringify({ env: { 'job.mode': 'batch' }, source: [{ plugin_name: 'MySQL-CDC', result_table_name: 'fake', username: 'u', password: 'p' }], sink: [consoleSink()] })),
  post('encrypt-config base64', `${M}/encrypt-config`, JSON.stringify({ env: { 'job.mode': 'batch', 'shade.identifier': 'base64' }, source: [{ plugin_name: 'MySQL-CDC', result_table_name: 'fake', username: 'u', password: 'p' }], sink: [consoleSink()] })),
  post('encrypt-config without sink', `${M}/encrypt-config`, JSON.stringify({ source: [{ plugin_name: 'MySQL-CDC', username: 'u', password: 'p' }] })),
  post('encrypt-config malformed', `${M}/encrypt-config`, '{'),
  post('update-tags', `${M}/update-tags`, '{"tag":"x"}'),
  get('overview with a tag filter', `${M}/overview?tag=x`),
  get('overview with another tag', `${M}/overview?tag=y`),
  post('update-tags {}', `${M}/update-tags`, '{}'),
  post('update-tags empty body', `${M}/update-tags`, ''),
  get('overview at the end', `${M}/overview`, { until: { job: 'plain', status: 'FINISHED' } }),
  get('finished-jobs at the end', `${M}/finished-jobs`),
];
