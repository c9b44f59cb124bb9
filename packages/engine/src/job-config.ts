import { classCast, invalidJobConfig, missingConfigKey, missPluginConfig, nullPointerOn } from './errors.js';
import { readJobMode } from './env-options.js';
import { javaClass } from './java-class.js';
import { isJsonObject, javaToString, type JsonObject, type JsonValue } from './json.js';
import { requireJsonObject } from './json-map.js';

export type PluginKind = 'source' | 'transform' | 'sink';

/** One connector or transform block of a job config, as the user wrote it. */
export interface PluginConfig {
  kind: PluginKind;
  /** Position of the plugin in its list: SeaTunnel names actions `Source[<index>]-<plugin_name>`. */
  index: number;
  /** As written (Java's toString of the value); null when absent, which checkJob refuses. */
  pluginName: string | null;
  /** Tables the plugin reads (`source_table_name` / `plugin_input`); empty = the previous plugin's output. */
  inputs: string[];
  /** Table name it registers (`result_table_name` / `plugin_output`), if any. */
  output: string | null;
  options: JsonObject;
}

export interface JobConfig {
  env: JsonObject;
  /** `env` rendered as SeaTunnel renders envOptions: keys verbatim, values as Java `toString()`. */
  envOptions: Record<string, string>;
  sources: PluginConfig[];
  transforms: PluginConfig[];
  sinks: PluginConfig[];
}

function tableNames(value: JsonValue | undefined, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split(',').map((name) => name.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((name): name is string => typeof name === 'string')) return value;
  throw invalidJobConfig(`${where} must be a string or a list of strings`);
}

/**
 * A plugin list as SeaTunnel's REST layer reads it before the job parser (ConfigShadeUtils): the
 * list is cast to ArrayList and asked isEmpty() (absent → NullPointerException, another value →
 * ClassCastException, empty → "Miss <Source> config!"), each element is cast to a Map.
 */
function pluginList(config: JsonObject, key: 'source' | 'sink', variable: 'sources' | 'sinks'): JsonObject[] {
  const list = config[key];
  if (list === undefined || list === null) throw nullPointerOn(`"java.util.List.isEmpty()" because "${variable}" is null`);
  if (!Array.isArray(list)) throw classCast(javaClass(list), 'java.util.ArrayList');
  if (list.length === 0) throw missPluginConfig(key === 'source' ? 'Source' : 'Sink');
  return list.map((item) => {
    if (!isJsonObject(item)) throw classCast(javaClass(item), 'java.util.Map');
    return item;
  });
}

function readPlugin(item: JsonObject, index: number, kind: PluginKind, where: string): PluginConfig {
  const name = item['plugin_name'];
  const inputs = tableNames(item['plugin_input'] ?? item['source_table_name'], `${where}[${index}].source_table_name`);
  const outputs = tableNames(item['plugin_output'] ?? item['result_table_name'], `${where}[${index}].result_table_name`);
  return { kind, index, pluginName: name === undefined || name === null ? null : javaToString(name), inputs, output: outputs[0] ?? null, options: item };
}

/**
 * How the config reached the job parser: a JSON body goes through RestUtil.buildConfig, whose
 * ConfigShadeUtils checks the source and sink lists first; a HOCON body (`format=hocon`, uploads)
 * is parsed straight into a Config, so `env` is read first and missing blocks are Typesafe's errors.
 */
export type ConfigPath = 'json' | 'config';

/** A plugin block of a Config read straight from text: a list of objects (HOCON's `source { … }` is made one). */
function configList(config: JsonObject, key: 'source' | 'transform' | 'sink'): JsonObject[] {
  const list = config[key];
  if (list === undefined || list === null) {
    if (key === 'transform') return [];
    throw missingConfigKey(key);
  }
  const items = Array.isArray(list) ? list : [list];
  return items.map((item, index) => {
    if (!isJsonObject(item)) throw invalidJobConfig(`Config of ${key}[${index}] must be an object`);
    return item;
  });
}

/**
 * Reads a submitted job config (already parsed) into a typed JobConfig, refusing what SeaTunnel's
 * REST layer refuses before the job parser runs, in its order. A JSON body: not an object
 * (Jackson's 400), the source and sink lists (see pluginList), then a missing `env` (500 "No
 * configuration setting found for key 'env'"). A Config read from text: `env`, then the blocks.
 * The parser's own checks (names, graph, options) are checkJob's.
 */
export function readJobConfig(json: JsonValue, path: ConfigPath = 'json'): JobConfig {
  const body = requireJsonObject(json);
  const sourceItems = path === 'json' ? pluginList(body, 'source', 'sources') : null;
  const sinkItems = path === 'json' ? pluginList(body, 'sink', 'sinks') : null;
  const env = body['env'];
  if (env === undefined || env === null) throw missingConfigKey('env');
  if (!isJsonObject(env)) throw invalidJobConfig("Config 'env' must be an object");
  const envOptions: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    // SeaTunnel's JsonUtil crashes on a null env value (issue #8893); we render it as Java would print it.
    // Defined, not assigned: an env key named `__proto__` stays a key (to SeaTunnel it is data like any other).
    Object.defineProperty(envOptions, key, { value: javaToString(value), enumerable: true, writable: true, configurable: true });
  }
  const sources = sourceItems ?? configList(body, 'source');
  const transformValue = body['transform'];
  const transformItems =
    path === 'config' ? configList(body, 'transform') : transformValue === undefined || transformValue === null ? [] : Array.isArray(transformValue) ? transformValue : [transformValue];
  const transforms = transformItems.map((item, index) => {
    if (!isJsonObject(item)) throw classCast(javaClass(item), 'java.util.Map');
    return readPlugin(item, index, 'transform', 'transform');
  });
  const sinks = sinkItems ?? configList(body, 'sink');
  // Without ConfigShadeUtils an empty list reaches the parser's graph check.
  if (sources.length === 0 || sinks.length === 0) throw invalidJobConfig('Source And Sink can not be null');
  return {
    env,
    envOptions,
    sources: sources.map((item, index) => readPlugin(item, index, 'source', 'source')),
    transforms,
    sinks: sinks.map((item, index) => readPlugin(item, index, 'sink', 'sink')),
  };
}

/** `job.mode` BATCH (the default) or STREAMING, read as SeaTunnel reads it (see checkJob for the refusal). */
export function jobMode(config: JobConfig): 'BATCH' | 'STREAMING' {
  try {
    return readJobMode(config.env['job.mode']);
  } catch {
    return 'BATCH';
  }
}
