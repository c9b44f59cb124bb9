import { SeaTunnelError } from './errors.js';
import { isSaveModeLocation, javaParseIntegral, jsonParsing, readIntOption, readJobMode } from './env-options.js';
import { javaClass } from './java-class.js';
import { javaHashMapOrder } from './java-hash-map.js';
import type { JobConfig, PluginConfig, PluginKind } from './job-config.js';
import { isJsonObject, javaToString, type JsonValue } from './json.js';
import type { PluginMapping } from './plugin-mapping.js';

/** What a release checks a submitted job against. */
export interface JobChecks {
  plugins: PluginMapping;
  /** Names its messages give the table options: `result_table_name`/`source_table_name` (≤ 2.3.8) or `plugin_output`/`plugin_input`. */
  outputKey: string;
  inputKey: string;
  /** Whether the transforms jar is always on the class path (2.3.12+: in lib/), which words an unknown transform's error. */
  transformsInLib: boolean;
}

/** Options a transform refuses to start without (its OptionRule's required options). */
const REQUIRED_TRANSFORM_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  sql: ['query'],
  fieldmapper: ['field_mapper'],
};

const TRANSFORM_FACTORY = 'org.apache.seatunnel.api.table.factory.TableTransformFactory';

const jobDefine = (message: string): SeaTunnelError => new SeaTunnelError(500, message);

/** A name of the mapping, matched as SeaTunnel matches it (case-insensitively). */
function known(checks: JobChecks, kind: PluginKind, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(checks.plugins[kind]).some((candidate) => candidate.toLowerCase() === lower);
}

/** A job init failure: JobMaster's exception, printed with its stack trace, as SeaTunnel's REST answers it (500). */
function jobInitFailure(cause: string, frames: readonly string[]): SeaTunnelError {
  const trace = frames.map((frame) => `\n\tat ${frame}`).join('');
  return new SeaTunnelError(500, `org.apache.seatunnel.engine.common.exception.JobException: ${cause}${trace}\n`);
}

const NUMBER_FORMAT_FRAMES = [
  'java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)',
  'java.base/java.lang.Long.parseLong(Long.java:711)',
  'java.base/java.lang.Long.parseLong(Long.java:836)',
  'org.apache.seatunnel.engine.server.master.JobMaster.createJobCheckpointConfig(JobMaster.java:253)',
  'org.apache.seatunnel.engine.server.master.JobMaster.init(JobMaster.java:218)',
  'org.apache.seatunnel.engine.server.CoordinatorService.lambda$submitJob$5(CoordinatorService.java:606)',
  'java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)',
  'java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)',
  'java.base/java.lang.Thread.run(Thread.java:840)',
];

/** The graph checks of ConfigParserUtil for jobs with more than one source, sink or transform. */
function checkComplexGraph(config: JobConfig, checks: JobChecks): void {
  const name = (plugin: PluginConfig): string => plugin.pluginName ?? 'null';
  for (const plugin of [...config.sources, ...config.transforms]) {
    if (plugin.output === null) throw jobDefine(`The source/transform(${name(plugin)}) is not configured with '${checks.outputKey}' option`);
  }
  for (const plugin of [...config.transforms, ...config.sinks]) {
    if (plugin.inputs.length === 0) throw jobDefine(`The transform/sink(${name(plugin)}) is not configured with '${checks.inputKey}' option`);
  }
  const producers = new Map<string, { plugin: PluginConfig; linked: boolean }>();
  for (const plugin of [...config.sources, ...config.transforms]) {
    const table = plugin.output!;
    const earlier = producers.get(table);
    if (earlier) {
      throw jobDefine(`The value of the '${checks.outputKey}' option of the (${name(plugin)} and ${name(earlier.plugin)}) plugins is both '${table}', and they must be different.`);
    }
    producers.set(table, { plugin, linked: false });
  }
  for (const plugin of [...config.transforms, ...config.sinks]) {
    for (const table of plugin.inputs) {
      const producer = producers.get(table);
      if (!producer) throw jobDefine(`The '${checks.inputKey}' option configured in [${name(plugin)}] is incorrect, and the source/transform[${table}] is not found.`);
      producer.linked = true;
    }
  }
  // SeaTunnel walks a HashMap of the tables: the first unused one in its order is named.
  for (const table of javaHashMapOrder([...producers.keys()])) {
    const producer = producers.get(table)!;
    if (!producer.linked) {
      throw jobDefine(`The '${checks.inputKey}' option configured is incorrect, this table(${table}) belonging to source/transform(${name(producer.plugin)}) is not used.`);
    }
  }
}

/** A source's options its factory refuses (FakeSource needs a readable schema and an integer row.num). */
function sourceOptionsValid(plugin: PluginConfig): boolean {
  if (plugin.pluginName?.toLowerCase() !== 'fakesource') return true;
  const options = plugin.options;
  const tables = Array.isArray(options['tables_configs']) ? options['tables_configs'] : null;
  const schemaOk = (schema: JsonValue | undefined): boolean => isJsonObject(schema);
  if (tables) {
    if (!tables.every((t) => isJsonObject(t) && schemaOk(t['schema']))) return false;
  } else if (!schemaOk(options['schema'])) return false;
  const rowNum = options['row.num'];
  return rowNum === undefined || javaParseIntegral(rowNum, 32) !== null || typeof rowNum === 'number';
}

function checkParallelism(plugin: PluginConfig, env: JobConfig['env']): void {
  const own = plugin.options['parallelism'];
  if (own !== undefined && own !== null) readIntOption(own);
  // `orElse(env.get(PARALLELISM))`: the env value is converted even when the plugin has its own.
  const fromEnv = env['parallelism'];
  if (fromEnv !== undefined && fromEnv !== null) readIntOption(fromEnv);
}

/** The init-time reads of JobMaster (after the plan was built): their failures come back as a JobException. */
function checkJobInit(env: JobConfig['env']): void {
  for (const key of ['checkpoint.interval', 'checkpoint.timeout']) {
    const raw = env[key];
    if (raw !== undefined && raw !== null && javaParseIntegral(raw, 64) === null) {
      throw jobInitFailure(`java.lang.NumberFormatException: For input string: "${javaToString(raw)}"`, NUMBER_FORMAT_FRAMES);
    }
  }
  const location = env['savemode.execute.location'];
  if (location !== undefined && location !== null && !isSaveModeLocation(location)) {
    const cause = jsonParsing(location, 'org.apache.seatunnel.api.sink.SaveModeExecuteLocation');
    throw jobInitFailure(`java.lang.IllegalArgumentException: ${cause.detail ?? ''}`, NUMBER_FORMAT_FRAMES.slice(3));
  }
  for (const key of ['job.retry.times', 'job.retry.interval.seconds']) {
    const raw = env[key];
    if (raw !== undefined && raw !== null && javaParseIntegral(raw, 32) === null) {
      throw jobInitFailure(`java.lang.NumberFormatException: For input string: "${javaToString(raw)}"`, NUMBER_FORMAT_FRAMES);
    }
  }
  const tagFilter = env['tag_filter'];
  if (tagFilter !== undefined && tagFilter !== null && !isJsonObject(tagFilter)) {
    const from = javaClass(tagFilter);
    throw jobInitFailure(
      `java.lang.ClassCastException: class ${from} cannot be cast to class java.util.Map (${from} and java.util.Map are in module java.base of loader 'bootstrap')`,
      NUMBER_FORMAT_FRAMES.slice(3),
    );
  }
}

/**
 * Checks a job as SeaTunnel's MultipleTableJobConfigParser and JobMaster do at submit, in their
 * order, so that of several mistakes the same one is reported: job.mode, every plugin_name, the
 * graph, each source (parallelism, name, options), each transform, each sink, then the options
 * read when the job master starts. Throws SeaTunnel's answer; nothing is stored before this passes.
 */
export function checkJob(config: JobConfig, checks: JobChecks): void {
  readJobMode(config.env['job.mode']);
  for (const plugin of [...config.sources, ...config.transforms, ...config.sinks]) {
    if (plugin.pluginName === null || plugin.pluginName.trim() === '') throw jobDefine("The 'plugin_name' option is not configured, please configure it.");
  }
  const simple = config.sources.length === 1 && config.sinks.length === 1 && config.transforms.length <= 1;
  if (!simple) checkComplexGraph(config, checks);
  for (const source of config.sources) {
    checkParallelism(source, config.env);
    const name = source.pluginName!;
    if (!known(checks, 'source', name)) throw jobDefine(`Plugin PluginIdentifier{engineType='seatunnel', pluginType='source', pluginName='${name}'} not found.`);
    if (!sourceOptionsValid(source)) throw jobDefine(`ErrorCode:[API-06], ErrorDescription:[Factory initialize failed] - Unable to create a source for identifier '${name}'.`);
  }
  // The transforms jar is loaded only through a known transform's mapping (until it moved to lib/).
  const transformsLoaded = checks.transformsInLib || config.transforms.some((t) => known(checks, 'transform', t.pluginName!));
  for (const transform of config.transforms) {
    checkParallelism(transform, config.env);
    const name = transform.pluginName!;
    if (!known(checks, 'transform', name)) {
      const prefix = 'ErrorCode:[API-06], ErrorDescription:[Factory initialize failed] - ';
      if (!transformsLoaded) throw jobDefine(`${prefix}Could not find any factories that implement '${TRANSFORM_FACTORY}' in the classpath.`);
      const available = [...new Set(Object.keys(checks.plugins.transform))].sort().join('\n');
      throw jobDefine(`${prefix}Could not find any factory for identifier '${name}' that implements '${TRANSFORM_FACTORY}' in the classpath.\n\nAvailable factory identifiers are:\n\n${available}`);
    }
    const missing = (REQUIRED_TRANSFORM_OPTIONS[name.toLowerCase()] ?? []).filter((key) => transform.options[key] === undefined);
    if (missing.length > 0) {
      throw jobDefine(`ErrorCode:[API-02], ErrorDescription:[Option item validate failed] - There are unconfigured options, the options(${missing.map((k) => `'${k}'`).join(', ')}) are required.`);
    }
  }
  for (const sink of config.sinks) {
    const name = sink.pluginName!;
    if (!known(checks, 'sink', name)) throw jobDefine(`Plugin PluginIdentifier{engineType='seatunnel', pluginType='sink', pluginName='${name}'} not found.`);
  }
  checkJobInit(config.env);
}
