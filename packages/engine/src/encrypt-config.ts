import { classCast, missPluginConfig, nullPointerOn } from './errors.js';
import { isJsonObject, javaToString, type JsonObject, type JsonValue } from './json.js';
import { javaClass } from './java-class.js';
import { requireJsonObject } from './json-map.js';

/**
 * Option names SeaTunnel 2.3.9 shades in every source and sink (`ConfigShadeUtils`
 * DEFAULT_SENSITIVE_KEYWORDS); the base64 shade adds none of its own.
 */
export const SENSITIVE_OPTIONS: readonly string[] = ['password', 'username', 'auth', 'token'];

type Shade = (content: string) => string;

/** Shades by `env."shade.identifier"`; an absent or unknown identifier is the identity ("default"). */
const SHADES: Record<string, Shade> = {
  base64: (content) => Buffer.from(content, 'utf8').toString('base64'),
};

/** `(ArrayList<Map>) configMap.get(key)`: null passes the cast (and fails later), anything but a list does not. */
function pluginList(config: JsonObject, key: string): JsonValue[] | null {
  const value = config[key];
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) throw classCast(javaClass(value), 'java.util.ArrayList');
  return value;
}

function shadePlugin(plugin: JsonValue, shade: Shade): JsonValue {
  if (!isJsonObject(plugin)) throw classCast(javaClass(plugin), 'java.util.Map');
  const out: JsonObject = Object.create(null) as JsonObject;
  for (const [key, value] of Object.entries(plugin)) {
    // `computeIfPresent` skips null values; everything else is shaded from its Java toString().
    out[key] = SENSITIVE_OPTIONS.includes(key) && value !== null ? shade(javaToString(value)) : value;
  }
  return out;
}

/**
 * The encrypt-config endpoint's work, as SeaTunnel 2.3.9 does it: the top-level sensitive options
 * of every `source` and `sink` object are shaded; everything else (env, transform, nested values)
 * is echoed with its key order and number texts. Failure modes follow the Java code's order: a
 * non-list plugin block is a ClassCastException, a missing one an NPE (both 500), an empty one a
 * 400 "Miss <Source> config!".
 * @param body the request body parsed with `parseJson` (numbers lossless).
 */
export function encryptConfig(body: JsonValue): JsonObject {
  const config = requireJsonObject(body);
  const env = config['env'];
  const identifier = isJsonObject(env) && env['shade.identifier'] != null ? javaToString(env['shade.identifier']) : 'default';
  const shade = SHADES[identifier] ?? ((content: string) => content);
  const sources = pluginList(config, 'source');
  const sinks = pluginList(config, 'sink');
  // Java 17's helpful NullPointerException names the list (a real 2.3.8 engine, captures/2.3.8/035).
  if (sources === null) throw nullPointerOn('"java.util.List.isEmpty()" because "sources" is null');
  if (sources.length === 0) throw missPluginConfig('Source');
  if (sinks === null) throw nullPointerOn('"java.util.List.isEmpty()" because "sinks" is null');
  if (sinks.length === 0) throw missPluginConfig('Sink');
  const shadedSources = sources.map((plugin) => shadePlugin(plugin, shade));
  const shadedSinks = sinks.map((plugin) => shadePlugin(plugin, shade));
  const out: JsonObject = Object.create(null) as JsonObject;
  for (const [key, value] of Object.entries(config)) {
    out[key] = key === 'source' ? shadedSources : key === 'sink' ? shadedSinks : value;
  }
  return out;
}
