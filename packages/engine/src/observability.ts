import { isJsonObject, javaToString, type JsonObject, type JsonValue } from './json.js';
import { javaParseLong } from './java-numbers.js';

/**
 * A job's `env.engine.observability` block (3.0, apache/seatunnel#10572), read as
 * ObservabilityConfig.fromEnvOptions reads it: a dotted key verbatim first, else the nested path;
 * `enabled` by Boolean.parseBoolean, numbers by Long.parseLong (anything else: the default).
 * Docs: docs/en/engines/zeta/busyness-and-backpressure.md (options table).
 */
export interface ObservabilitySettings {
  enabled: boolean;
  /** At least 1000 (default 5000). */
  bucketMs: number;
  /** 1 to 10 (default 3). */
  retentionMinutes: number;
}

const PREFIX = 'engine.observability.';

/** The value at `key` in the env map: the key itself, else its dotted path through nested maps. */
function valueAt(env: JsonObject, key: string): JsonValue | undefined {
  if (Object.prototype.hasOwnProperty.call(env, key)) return env[key];
  let data: JsonValue | undefined = env;
  for (const part of key.split('.')) {
    if (!isJsonObject(data)) return undefined;
    data = Object.prototype.hasOwnProperty.call(data, part) ? data[part] : undefined;
  }
  return data;
}

const parseBoolean = (value: JsonValue): boolean => javaToString(value).toLowerCase() === 'true';

function parseLong(value: JsonValue | undefined, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  const parsed = javaParseLong(javaToString(value));
  return parsed === null ? fallback : Number(parsed);
}

/** ObservabilityConfig.disabled(): what a job without the block reports. */
export const OBSERVABILITY_OFF: ObservabilitySettings = { enabled: false, bucketMs: 5000, retentionMinutes: 3 };

/**
 * The settings of a job's env, or null when it has no `engine.observability` key at all (then
 * OBSERVABILITY_OFF applies). Without an explicit `enabled`, a non-empty `async_boundaries` or
 * `split_sink_io = true` turns it on; bucket and retention are read either way, as the master
 * lists them for disabled jobs too.
 */
export function readObservability(env: JsonObject): ObservabilitySettings | null {
  const present = valueAt(env, 'engine.observability') !== undefined || Object.keys(env).some((key) => key.startsWith(PREFIX));
  if (!present) return null;
  const explicit = valueAt(env, `${PREFIX}enabled`);
  let enabled = explicit !== undefined && explicit !== null && parseBoolean(explicit);
  if (explicit === undefined || explicit === null) {
    const boundaries = valueAt(env, `${PREFIX}async_boundaries`);
    const split = valueAt(env, `${PREFIX}split_sink_io`);
    const hasBoundaries = Array.isArray(boundaries) ? boundaries.length > 0 : boundaries !== undefined && boundaries !== null;
    enabled = hasBoundaries || (split !== undefined && split !== null && parseBoolean(split));
  }
  const bucketMs = Math.max(1000, parseLong(valueAt(env, `${PREFIX}bucket_ms`), 5000));
  // `(int)` of the long, then clamped to 1..10.
  const retention = parseLong(valueAt(env, `${PREFIX}retention_minutes`), 3) | 0;
  return { enabled, bucketMs, retentionMinutes: Math.min(10, Math.max(1, retention)) };
}
