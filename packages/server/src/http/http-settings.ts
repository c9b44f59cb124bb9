import type { HttpFeatures } from '@seatunnel-sim/engine';

/**
 * Every key SeaTunnel 2.3.9–3.1 reads under `seatunnel.engine.http` (YamlSeaTunnelDomConfigProcessor
 * .parseHttpConfig). Which of them a node honours is its release's (`profile.http.keys`).
 */
export const SEATUNNEL_HTTP_KEYS = [
  'enable-http', 'port', 'context-path', 'enable-dynamic-port', 'port-range', 'enable-https', 'https-port',
  'key-store-path', 'key-store-password', 'key-manager-password', 'trust-store-path', 'trust-store-password',
  'enable-basic-auth', 'basic-auth-username', 'basic-auth-password',
  // 3.0 (#12072) and 3.1 (docs, #12299).
  'upload-max-file-size-mb', 'upload-max-request-size-mb', 'log-response-max-size-mb',
] as const;

/** SeaTunnel's HTTPS port when `https-port` is unset, and the only one 2.3.11 can use. */
export const DEFAULT_HTTPS_PORT = 8443;

/** A YAML scalar as the http block may hold it. */
export type HttpScalar = string | number | boolean | null;

/** Our own listener block (`rest-server-socket-endpoint-config.port`), every key optional. */
export interface ListenerInput {
  port?: number | undefined;
  'auto-increment'?: boolean | undefined;
  'port-count'?: number | undefined;
}

/** Where the node's one HTTP port is looked for: the first free one from `port`, `port-count` of them when auto-increment is on. */
export interface Listener {
  port: number;
  'auto-increment': boolean;
  'port-count': number;
}

export const LISTENER_DEFAULTS: Listener = { port: 8080, 'auto-increment': true, 'port-count': 100 };

/** The TLS listener, when the release has one and the config turns it on. */
export interface HttpsSettings {
  /** First port tried; later ones by the HTTP listener's auto-increment rule. */
  port: number;
  'key-store-path': string;
  'key-store-password': string | null;
  'key-manager-password': string | null;
  'trust-store-path': string | null;
  'trust-store-password': string | null;
}

/**
 * The MultipartConfigElement of /submit-job/upload (3.0, apache/seatunnel#12072): Jetty's
 * maxFileSize / maxRequestSize in bytes, -1 = unlimited (every release before 3.0, and 0 or
 * below in the config).
 */
export interface UploadLimits {
  'max-file-size': number;
  'max-request-size': number;
}

export interface BasicAuthSettings {
  username: string;
  password: string;
}

/** `seatunnel.engine.http` as the node's release reads it. */
export interface HttpSettings {
  /** The v2 API's path prefix, without trailing slashes (`/seatunnel/` is `/seatunnel`). */
  'context-path': string;
  /** Whether v2 is served on the HTTP port. */
  'enable-http': boolean;
  https: HttpsSettings | null;
  /** SeaTunnel's BasicAuthFilter on every Jetty path (2.3.11+), or null. */
  'basic-auth': BasicAuthSettings | null;
  upload: UploadLimits;
  /** The most bytes of a log file a log-content answer carries (3.1, #12299), or -1 for all. */
  'log-response-max-bytes': number;
  /** What the node logs at startup: keys its release ignores, values it reads otherwise than written. */
  warnings: string[];
}

export interface HttpIssue {
  /** Config path of the offending key. */
  path: string[];
  message: string;
}

export type HttpResolution = { ok: true; http: HttpSettings; listener: Listener } | { ok: false; issues: HttpIssue[] };

const HTTP_PATH = ['seatunnel', 'engine', 'http'];
const LISTENER_PATH = ['rest-server-socket-endpoint-config', 'port'];

/**
 * The SeaTunnel keys that set the same thing as a key of our listener block: an environment
 * variable or a command-line flag for one replaces both (config.ts), so a pasted seatunnel.yaml
 * never fights `--port`.
 */
export const LISTENER_TWINS: Readonly<Record<keyof Listener, string>> = {
  port: 'port',
  'auto-increment': 'enable-dynamic-port',
  'port-count': 'port-range',
};

/** Hazelcast's DomConfigHelper reads every value as the element's trimmed text. */
function text(value: HttpScalar): string {
  return value === null ? '' : String(value).trim();
}

/**
 * Reads a `seatunnel.engine.http` block the way the node's release parses it: key names
 * lowercased; a key the release does not know is logged (`Unrecognized element: <key>`) and
 * ignored; integers must be integers (else SeaTunnel's InvalidConfigurationException stops the
 * node); a boolean is true only for `true`, in any case. Merges SeaTunnel's port keys with our
 * listener block: each pair is one setting, and a pair given twice with different values is refused.
 */
export function resolveHttpSettings(raw: Readonly<Record<string, HttpScalar>>, features: HttpFeatures, listenerInput: ListenerInput, builtinHttpsPort: number): HttpResolution {
  const warnings: string[] = [];
  const issues: HttpIssue[] = [];
  const known = new Set(features.keys);
  // Later spellings of one key win, as the last DOM element does.
  const values = new Map<string, { written: string; value: HttpScalar }>();
  for (const [written, value] of Object.entries(raw)) {
    const key = written.toLowerCase();
    if (!known.has(key)) {
      warnings.push(`Unrecognized element: ${key}`);
      continue;
    }
    values.set(key, { written, value });
  }
  const str = (key: string): string | null => {
    const entry = values.get(key);
    return entry ? text(entry.value) : null;
  };
  const bool = (key: string): boolean | null => {
    const entry = values.get(key);
    if (!entry) return null;
    const value = text(entry.value).toLowerCase();
    if (value !== 'true' && value !== 'false') warnings.push(`${key}: "${text(entry.value)}" is not true or false; read as false, as SeaTunnel does`);
    return value === 'true';
  };
  const int = (key: string, min: number, max: number): number | null => {
    const entry = values.get(key);
    if (!entry) return null;
    const value = text(entry.value);
    const path = [...HTTP_PATH, entry.written];
    // Java's Integer.parseInt: an optional sign and decimal digits, within 32 bits.
    if (!/^[+-]?\d+$/.test(value) || Math.abs(Number(value)) > 2 ** 31) {
      issues.push({ path, message: `Invalid integer value for parameter ${key}: ${value}` });
      return null;
    }
    const n = Number(value);
    if (n < min || n > max) {
      issues.push({ path, message: `${key} must be between ${min} and ${max}, got ${n}` });
      return null;
    }
    return n;
  };

  const listener = mergeListener(
    { port: int('port', 1, 65535), 'auto-increment': bool('enable-dynamic-port'), 'port-range': int('port-range', 0, 65534) },
    listenerInput,
    issues,
  );

  const httpsOn = features.https !== 'none' && bool('enable-https') === true;
  // 2.3.11 read https-port under the key `port`, which the HTTP port always won: it never left 8443.
  // A bad https-port stops the node even with HTTPS off: SeaTunnel parses every key it knows.
  const httpsPort = features.https === 'configured-port' ? (int('https-port', 1, 65535) ?? builtinHttpsPort) : builtinHttpsPort;
  const nonBlank = (key: string): string | null => {
    const value = str(key);
    return value === null || value === '' ? null : value;
  };
  let https: HttpsSettings | null = null;
  if (httpsOn) {
    const keyStore = nonBlank('key-store-path');
    if (keyStore === null) {
      issues.push({ path: [...HTTP_PATH, 'key-store-path'], message: 'enable-https is true but key-store-path is not set: the TLS listener needs a PKCS12 key store' });
    } else {
      https = {
        port: httpsPort,
        'key-store-path': keyStore,
        'key-store-password': str('key-store-password'),
        'key-manager-password': str('key-manager-password'),
        'trust-store-path': str('trust-store-path'),
        'trust-store-password': str('trust-store-password'),
      };
    }
  }

  const basicAuth: BasicAuthSettings | null =
    features.basicAuth && bool('enable-basic-auth') === true ? { username: str('basic-auth-username') ?? 'admin', password: str('basic-auth-password') ?? 'admin' } : null;

  // Megabytes as the options hold them; a release without the key has no limit. 0 or below is
  // Jetty's unlimited, as #12072 documents.
  const megabytes = (key: string, fallback: number): number => {
    const mb = known.has(key) ? (int(key, -(2 ** 31), 2 ** 31 - 1) ?? fallback) : -1;
    return mb <= 0 ? -1 : mb * 1024 * 1024;
  };
  const upload: UploadLimits = { 'max-file-size': megabytes('upload-max-file-size-mb', 10), 'max-request-size': megabytes('upload-max-request-size-mb', 10) };
  const logResponseMaxBytes = megabytes('log-response-max-size-mb', 64);

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    listener,
    http: {
      'context-path': (str('context-path') ?? '').replace(/\/+$/, ''),
      // SeaTunnel's code default is false, but its shipped seatunnel.yaml turns it on; so do we.
      'enable-http': bool('enable-http') ?? true,
      https,
      'basic-auth': basicAuth,
      upload,
      'log-response-max-bytes': logResponseMaxBytes,
      warnings,
    },
  };
}

/**
 * One listener from two vocabularies. SeaTunnel's `port-range` counts the ports after `port`
 * (it scans port..port+range), ours counts them all, so range r is port-count r+1.
 */
function mergeListener(
  seatunnel: { port: number | null; 'auto-increment': boolean | null; 'port-range': number | null },
  ours: ListenerInput,
  issues: HttpIssue[],
): Listener {
  const fromSeaTunnel: Partial<Listener> = {};
  if (seatunnel.port !== null) fromSeaTunnel.port = seatunnel.port;
  if (seatunnel['auto-increment'] !== null) fromSeaTunnel['auto-increment'] = seatunnel['auto-increment'];
  if (seatunnel['port-range'] !== null) fromSeaTunnel['port-count'] = seatunnel['port-range'] + 1;
  const pick = <K extends keyof Listener>(key: K): Listener[K] => {
    const theirs = fromSeaTunnel[key];
    const mine = ours[key];
    if (theirs !== undefined && mine !== undefined && theirs !== mine) {
      const shown = key === 'port-count' ? `${LISTENER_TWINS[key]} ${seatunnel['port-range']} (${theirs} ports)` : `${LISTENER_TWINS[key]} ${String(theirs)}`;
      issues.push({
        path: [...LISTENER_PATH, key],
        message:
          `seatunnel.engine.http.${shown} and rest-server-socket-endpoint-config.port.${key} ${String(mine)} set the same listener ` +
          'differently; keep one of them (or give both the same value)',
      });
    }
    return (theirs ?? mine ?? LISTENER_DEFAULTS[key]) as Listener[K];
  };
  return { port: pick('port'), 'auto-increment': pick('auto-increment'), 'port-count': pick('port-count') };
}
