import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiProfile, checkJob, readJobConfig, SeaTunnelError, parseJson, type JobChecks } from '../src/index.js';

const CHECKS_238: JobChecks = apiProfile('2.3.8').checks;
const CHECKS_239: JobChecks = apiProfile('2.3.9').checks;
const fake = (table = 'fake', extra: Record<string, unknown> = {}) => ({ plugin_name: 'FakeSource', result_table_name: table, schema: { fields: { a: 'int' } }, ...extra });
const consoleSink = (table = 'fake') => ({ plugin_name: 'Console', source_table_name: [table] });

function check(job: Record<string, unknown>, checks = CHECKS_238): void {
  checkJob(readJobConfig(parseJson(JSON.stringify({ env: { 'job.mode': 'BATCH' }, ...job }))), checks);
}

function refused(job: Record<string, unknown>, status: number, message: string | RegExp, checks = CHECKS_238): void {
  assert.throws(
    () => check(job, checks),
    (error: unknown) => {
      assert.ok(error instanceof SeaTunnelError, String(error));
      assert.equal(error.httpStatus, status);
      if (typeof message === 'string') assert.equal(error.detail, message);
      else assert.match(error.detail ?? '', message);
      return true;
    },
  );
}

describe('checkJob: what SeaTunnel refuses at submit, in its order (as a real 2.3.8 engine answers)', () => {
  it('accepts known plugins in any case, as SeaTunnel matches names', () => {
    check({ source: [fake()], sink: [consoleSink()] });
    check({ source: [{ ...fake(), plugin_name: 'fakesource' }], sink: [{ ...consoleSink(), plugin_name: 'CONSOLE' }] });
  });

  it('refuses an unknown source or sink with PluginIdentifier not found (source first)', () => {
    refused({ source: [{ ...fake(), plugin_name: 'NoSuchSource' }], sink: [consoleSink()] }, 500, "Plugin PluginIdentifier{engineType='seatunnel', pluginType='source', pluginName='NoSuchSource'} not found.");
    refused({ source: [fake()], sink: [{ ...consoleSink(), plugin_name: 'NoSuchSink' }] }, 500, "Plugin PluginIdentifier{engineType='seatunnel', pluginType='sink', pluginName='NoSuchSink'} not found.");
    refused({ source: [{ ...fake(), plugin_name: 'X' }], sink: [{ ...consoleSink(), plugin_name: 'Y' }] }, 500, /pluginType='source', pluginName='X'/);
    // A connector of a later release is unknown to an earlier one.
    refused({ source: [{ ...fake(), plugin_name: 'Prometheus' }], sink: [consoleSink()] }, 500, /pluginName='Prometheus'/, CHECKS_238);
    check({ source: [{ ...fake(), plugin_name: 'Prometheus' }], sink: [consoleSink()] }, CHECKS_239);
  });

  it('refuses an unknown transform by FactoryException, worded by whether the transforms jar was loaded', () => {
    const unknown = { plugin_name: 'NoSuchTransform', source_table_name: 'fake', result_table_name: 'fake2' };
    refused({ source: [fake()], transform: [unknown], sink: [consoleSink('fake2')] }, 500, "ErrorCode:[API-06], ErrorDescription:[Factory initialize failed] - Could not find any factories that implement 'org.apache.seatunnel.api.table.factory.TableTransformFactory' in the classpath.");
    const sql = { plugin_name: 'Sql', source_table_name: 'fake', result_table_name: 'fake2', query: 'select a from fake' };
    refused(
      { source: [fake()], transform: [sql, { ...unknown, source_table_name: 'fake2', result_table_name: 'fake3' }], sink: [consoleSink('fake3')] },
      500,
      "ErrorCode:[API-06], ErrorDescription:[Factory initialize failed] - Could not find any factory for identifier 'NoSuchTransform' that implements 'org.apache.seatunnel.api.table.factory.TableTransformFactory' in the classpath.\n\nAvailable factory identifiers are:\n\nCopy\nDynamicCompile\nEmbedding\nFieldMapper\nFilter\nFilterRowKind\nJsonPath\nLLM\nReplace\nSplit\nSql",
    );
    refused({ source: [fake()], transform: [{ ...sql, query: undefined }], sink: [consoleSink('fake2')] }, 500, "ErrorCode:[API-02], ErrorDescription:[Option item validate failed] - There are unconfigured options, the options('query') are required.");
  });

  it('converts job.mode and parallelism as ReadonlyConfig does: 400 with Jackson wording', () => {
    refused({ env: { 'job.mode': 'NOT_A_MODE' }, source: [fake()], sink: [consoleSink()] }, 400, "Json parsing exception, value 'NOT_A_MODE', and expected type 'org.apache.seatunnel.common.constants.JobMode'");
    check({ env: { 'job.mode': 'streaming' }, source: [fake()], sink: [consoleSink()] });
    check({ env: { 'job.mode': 1 }, source: [fake()], sink: [consoleSink()] });
    refused({ env: { 'job.mode': 'BATCH', parallelism: 'abc' }, source: [fake()], sink: [consoleSink()] }, 400, "Json parsing exception, value 'abc', and expected type 'java.lang.Integer'");
    check({ env: { 'job.mode': 'BATCH', parallelism: ' 5' }, source: [fake()], sink: [consoleSink()] });
    check({ env: { 'job.mode': 'BATCH', parallelism: 1.5 }, source: [fake()], sink: [consoleSink()] });
    refused({ env: { 'job.mode': 'BATCH', parallelism: 3000000000 }, source: [fake()], sink: [consoleSink()] }, 400, /value '3000000000'/);
    // A double past Double.MAX_VALUE is out of int's range like 3e9 (the fuzz suite found a 500 here).
    for (const text of ['1e400', '-1e400']) {
      const job = `{"env":{"job.mode":"BATCH"},"source":[{"plugin_name":"FakeSource","result_table_name":"fake","schema":{"fields":{"a":"int"}},"parallelism":${text}}],"sink":[{"plugin_name":"Console","source_table_name":["fake"]}]}`;
      assert.throws(
        () => checkJob(readJobConfig(parseJson(job)), CHECKS_238),
        (error: unknown) => error instanceof SeaTunnelError && error.httpStatus === 400 && /expected type 'java.lang.Integer'/.test(error.detail ?? ''),
      );
    }
    // job.mode is read before any plugin is looked up.
    refused({ env: { 'job.mode': 'X' }, source: [{ ...fake(), plugin_name: 'Nope' }], sink: [consoleSink()] }, 400, /JobMode/);
  });

  it('asks for plugin_name before anything of the graph', () => {
    refused({ source: [{ ...fake(), plugin_name: undefined }], sink: [consoleSink()] }, 500, "The 'plugin_name' option is not configured, please configure it.");
    refused({ source: [fake()], sink: [{ ...consoleSink(), plugin_name: ' ' }] }, 500, "The 'plugin_name' option is not configured, please configure it.");
  });

  it('checks the tables of complex graphs only, in its phases, with each release\'s option names', () => {
    const two = (sinks: unknown[]) => ({ source: [fake('a'), fake('b')], sink: sinks });
    refused(two([consoleSink('a'), consoleSink('nobody')]), 500, "The 'source_table_name' option configured in [Console] is incorrect, and the source/transform[nobody] is not found.");
    refused(two([consoleSink('a'), consoleSink('nobody')]), 500, "The 'plugin_input' option configured in [Console] is incorrect, and the source/transform[nobody] is not found.", CHECKS_239);
    refused(two([consoleSink('a')]), 500, "The 'source_table_name' option configured is incorrect, this table(b) belonging to source/transform(FakeSource) is not used.");
    refused({ source: [fake('s'), fake('s')], sink: [consoleSink('s'), consoleSink('s')] }, 500, "The value of the 'result_table_name' option of the (FakeSource and FakeSource) plugins is both 's', and they must be different.");
    refused({ source: [fake('a'), { ...fake(), result_table_name: undefined }], sink: [consoleSink('a')] }, 500, "The source/transform(FakeSource) is not configured with 'result_table_name' option");
    refused(two([consoleSink('a'), { plugin_name: 'Console' }]), 500, "The transform/sink(Console) is not configured with 'source_table_name' option");
    // A simple graph naming a table nobody makes is only logged.
    check({ source: [fake()], sink: [consoleSink('nobody')] });
  });

  it('refuses a FakeSource its factory cannot create', () => {
    refused({ source: [{ ...fake(), schema: undefined }], sink: [consoleSink()] }, 500, "ErrorCode:[API-06], ErrorDescription:[Factory initialize failed] - Unable to create a source for identifier 'FakeSource'.");
    refused({ source: [fake('fake', { 'row.num': 'abc' })], sink: [consoleSink()] }, 500, /Unable to create a source/);
  });

  it("fails what the job master reads at init with a JobException and its stack trace", () => {
    refused({ env: { 'job.mode': 'BATCH', 'checkpoint.interval': 'abc' }, source: [fake()], sink: [consoleSink()] }, 500, /^org\.apache\.seatunnel\.engine\.common\.exception\.JobException: java\.lang\.NumberFormatException: For input string: "abc"\n\tat /);
    refused({ env: { 'job.mode': 'BATCH', 'job.retry.times': '2.0' }, source: [fake()], sink: [consoleSink()] }, 500, /For input string: "2\.0"/);
    refused({ env: { 'job.mode': 'BATCH', tag_filter: 'abc' }, source: [fake()], sink: [consoleSink()] }, 500, /ClassCastException: class java\.lang\.String cannot be cast to class java\.util\.Map/);
    check({ env: { 'job.mode': 'BATCH', 'checkpoint.interval': 5000, 'savemode.execute.location': 'client' }, source: [fake()], sink: [consoleSink()] });
  });
});
