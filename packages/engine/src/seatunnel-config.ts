import { isSafeNumber, LosslessNumber } from 'lossless-json';
import { configException, jsonParsingException } from './errors.js';
import { ConfigError, parseConfig, type ConfigObject, type ConfigSyntax, type ConfigValue } from './hocon.js';
import { readJobConfig, type JobConfig } from './job-config.js';
import type { JsonObject, JsonValue } from './json.js';

export type { ConfigSyntax } from './hocon.js';

/**
 * A job config in HOCON (`conf`) or Typesafe's JSON syntax (`json`, uploaded `.json` files), parsed
 * as SeaTunnel's shaded Typesafe Config parses it. Syntax errors are Typesafe's 500s.
 */
export function parseConfigText(text: string, syntax: ConfigSyntax): ConfigObject {
  try {
    return parseConfig(text, syntax);
  } catch (error) {
    if (error instanceof ConfigError) throw configException(error.message);
    throw error;
  }
}

/** JSON number text, as Jackson reads it (Typesafe renders numbers as written: `1.` or `01` are not JSON). */
const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Whether SeaTunnel's ReadonlyConfig.fromConfig could read the value: it renders it as JSON and
 * parses that back, and an unresolved `${…}` (REST submissions are never resolved) or a number
 * like `1.` renders as text Jackson refuses.
 */
function readable(value: ConfigValue): boolean {
  switch (value.type) {
    case 'unresolved':
      return false;
    case 'number':
      return JSON_NUMBER.test(value.text);
    case 'object':
      return [...value.entries.values()].every(readable);
    case 'list':
      return value.items.every(readable);
    default:
      return true;
  }
}

function jsonNumber(text: string): number | bigint | LosslessNumber {
  if (isSafeNumber(text)) return Number(text);
  if (/^-?\d+$/.test(text)) return BigInt(text);
  return new LosslessNumber(text);
}

/** The value as the JSON a submitted body would have parsed to (what readJobConfig reads). */
function toJson(value: ConfigValue): JsonValue | undefined {
  switch (value.type) {
    case 'object': {
      const out: JsonObject = Object.create(null) as JsonObject;
      for (const [key, entry] of value.entries) {
        const converted = toJson(entry);
        if (converted !== undefined) out[key] = converted;
      }
      return out;
    }
    case 'list':
      return value.items.map(toJson).filter((item): item is JsonValue => item !== undefined);
    case 'string':
      return value.value;
    case 'number':
      return JSON_NUMBER.test(value.text) ? jsonNumber(value.text) : value.text;
    case 'boolean':
      return value.value;
    case 'null':
      return null;
    case 'unresolved':
      return undefined; // outside env and the plugin blocks nothing reads it
  }
}

const notResolved = (key: string): never => {
  throw configException(`${key} has not been resolved, you need to call Config#resolve(), see API docs for Config#resolve()`);
};

/**
 * Reads a parsed config as SeaTunnel's REST submission does (`submitJobInternal`, then the job
 * parser): `env` first (Typesafe's own errors when it is not an object; 400 "Json parsing
 * exception." when it holds something unresolved), then `source`, `transform`, `sink` likewise,
 * then the same checks as a JSON body (readJobConfig).
 */
export function readParsedJobConfig(root: ConfigObject): JobConfig {
  const env = root.entries.get('env');
  if (env !== undefined) {
    if (env.type === 'unresolved') notResolved('env');
    if (env.type === 'null') throw configException(`String: ${env.line}: Configuration key 'env' is set to null but expected OBJECT`);
    if (env.type !== 'object') throw configException(`String: ${env.line}: env has type ${env.type.toUpperCase()} rather than OBJECT`);
    if (!readable(env)) throw jsonParsingException();
    const blocks = ['source', 'transform', 'sink'].map((key) => [key, root.entries.get(key)] as const);
    for (const [key, block] of blocks) if (block?.type === 'unresolved') notResolved(key);
    for (const [, block] of blocks) if (block !== undefined && !readable(block)) throw jsonParsingException();
  }
  return readJobConfig(toJson(root) ?? null, 'config');
}

/** HOCON text (or Typesafe JSON) → the job config, with SeaTunnel's errors. */
export function readConfigText(text: string, syntax: ConfigSyntax): JobConfig {
  return readParsedJobConfig(parseConfigText(text, syntax));
}
