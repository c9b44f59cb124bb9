import { invalidJobConfig, missingConfigKey } from './errors.js';
import { isJsonObject, javaToString, type JsonObject, type JsonValue } from './json.js';
import { requireJsonObject } from './json-map.js';

export type PluginKind = 'source' | 'transform' | 'sink';

/** One connector or transform block of a job config, as the user wrote it. */
export interface PluginConfig {
  kind: PluginKind;
  /** Position of the plugin in its list: SeaTunnel names actions `Source[<index>]-<plugin_name>`. */
  index: number;
  pluginName: string;
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

function parsePlugins(config: JsonObject, key: string, kind: PluginKind): PluginConfig[] {
  const list = config[key];
  if (list === undefined) {
    if (kind === 'transform') return [];
    throw missingConfigKey(key);
  }
  // SeaTunnel accepts a single object where a list is expected (HOCON `source { ... }`).
  const items = Array.isArray(list) ? list : [list];
  return items.map((item, index) => {
    if (!isJsonObject(item)) throw invalidJobConfig(`Config of ${key}[${index}] must be an object`);
    const name = item['plugin_name'];
    if (typeof name !== 'string' || name.trim() === '') {
      throw invalidJobConfig(`No configuration setting found for key 'plugin_name' in ${key}[${index}]`);
    }
    const inputs = tableNames(item['plugin_input'] ?? item['source_table_name'], `${key}[${index}].source_table_name`);
    const outputs = tableNames(item['plugin_output'] ?? item['result_table_name'], `${key}[${index}].result_table_name`);
    return { kind, index, pluginName: name, inputs, output: outputs[0] ?? null, options: item };
  });
}

/**
 * Reads a submitted job config (already parsed JSON) into a typed JobConfig.
 * Throws SeaTunnel's answers for configs its parser rejects: missing `env` / `source` / `sink`
 * (500 "No configuration setting found for key ..."), plugins without `plugin_name`, bad table names.
 */
export function readJobConfig(json: JsonValue): JobConfig {
  // SeaTunnel reads the body with Jackson's JsonUtils.toMap: a non-object is its 400 conversion error.
  const body = requireJsonObject(json);
  const env = body['env'];
  if (env === undefined) throw missingConfigKey('env');
  if (!isJsonObject(env)) throw invalidJobConfig("Config 'env' must be an object");
  const envOptions: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    // SeaTunnel's JsonUtil crashes on a null env value (issue #8893); we render it as Java would print it.
    // Defined, not assigned: an env key named `__proto__` stays a key (to SeaTunnel it is data like any other).
    Object.defineProperty(envOptions, key, { value: javaToString(value), enumerable: true, writable: true, configurable: true });
  }
  const sources = parsePlugins(body, 'source', 'source');
  const transforms = parsePlugins(body, 'transform', 'transform');
  const sinks = parsePlugins(body, 'sink', 'sink');
  if (sources.length === 0) throw invalidJobConfig('Miss <Source> config! Please check the config file.');
  if (sinks.length === 0) throw invalidJobConfig('Miss <Sink> config! Please check the config file.');
  return { env, envOptions, sources, transforms, sinks };
}

/** `job.mode` BATCH (the default) or STREAMING, case-insensitive as in SeaTunnel. */
export function jobMode(config: JobConfig): 'BATCH' | 'STREAMING' {
  const mode = String(config.envOptions['job.mode'] ?? 'BATCH').toUpperCase();
  return mode === 'STREAMING' ? 'STREAMING' : 'BATCH';
}
