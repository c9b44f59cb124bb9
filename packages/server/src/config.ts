import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { apiProfile, PROFILE_NAMES } from '@seatunnel-sim/engine';
import { DEFAULT_HTTPS_PORT, LISTENER_TWINS, resolveHttpSettings } from './http/http-settings.js';

// Every block defaults to `{}` run through its own schema (zod's prefault), so each default is
// written once, on its key.
// No defaults here: SeaTunnel's port, enable-dynamic-port and port-range may set the same
// listener, so the two are merged (and their defaults applied) once both are known.
const portBlock = z
  .object({
    'auto-increment': z.boolean().optional(),
    'port-count': z.number().int().min(1).max(65535).optional(),
    port: z.number().int().min(0).max(65535).optional(),
  })
  .strict();

/** A value of SeaTunnel's http block: any scalar, read as its text like SeaTunnel's DOM parser does. */
const httpScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** The node's configuration file. Every key is optional; see README "Configuration". */
export const nodeConfigSchema = z
  .object({
    'rest-server-socket-endpoint-config': z
      .object({
        /** Bind address: loopback unless running in a container. */
        host: z.string().default('127.0.0.1'),
        /** Host name other nodes and log links use to reach this node; default: host (or 127.0.0.1 for 0.0.0.0). */
        'advertised-host': z.string().optional(),
        port: portBlock.prefault({}),
        /**
         * Tests only: stands in for SeaTunnel's built-in HTTPS port 8443 (the only one 2.3.11 can
         * use, the default of https-port later), so a test need not bind 8443.
         */
        'test-https-default-port': z.number().int().min(1).max(65535).optional(),
      })
      .strict()
      .prefault({}),
    hazelcast: z
      .object({
        'cluster-name': z.string().min(1).default('seatunnel'),
        'cluster-members': z.array(z.string().min(1)).min(1).default(['127.0.0.1:5701']),
        'invocation-timeout-millis': z.number().int().positive().default(10_000),
        /**
         * Hazelcast's smart routing: true, the client connects to every member and sends each call
         * to its partition's owner; false, it talks only to the members in `cluster-members` (a
         * node that can reach one member only, e.g. behind NAT or on one side of a firewall).
         */
        'smart-routing': z.boolean().default(true),
        /**
         * SeaTunnel's hazelcast.yaml `network.rest-api.enabled`: whether REST v1 (and Hazelcast's
         * other REST paths) answer. Unset: as the profile's release ships it (on up to 2.3.9, off from 2.3.10).
         */
        network: z
          .object({ 'rest-api': z.object({ enabled: z.boolean().optional() }).strict().prefault({}) })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    seatunnel: z
      .object({
        engine: z
          .object({
            'history-job-expire-minutes': z.number().positive().default(1440),
            /**
             * SeaTunnel's own block, pasted as is: any key, any case; the node's release decides
             * which keys it reads (http/http-settings.ts).
             */
            http: z.record(z.string(), httpScalar).prefault({}),
            'slot-service': z
              .object({ 'dynamic-slot': z.boolean().default(true), 'slot-num': z.number().int().min(1).default(2) })
              .strict()
              .prefault({}),
            'job-schedule-strategy': z.enum(['REJECT', 'WAIT']).default('REJECT'),
            /** Off by default, as in SeaTunnel: the metrics endpoints then answer an empty registry. */
            telemetry: z
              .object({
                metric: z.object({ enabled: z.boolean().default(false) }).strict().prefault({}),
                /** SeaTunnel's telemetry.logs (2.3.9+, on by default): a job's log files go when its history entry expires. */
                logs: z.object({ 'scheduled-deletion-enable': z.boolean().default(true) }).strict().prefault({}),
              })
              .strict()
              .prefault({}),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    node: z
      .object({ name: z.string().optional(), tags: z.record(z.string(), z.string()).prefault({}) })
      .strict()
      .prefault({}),
    api: z
      .object({
        profile: z.enum(PROFILE_NAMES).default('2.3.9'),
        'body-limit-bytes': z.number().int().positive().default(10 * 1024 * 1024),
        /** A request must arrive completely within this time, else 408 (slow clients lose their socket). */
        'request-timeout-millis': z.number().int().positive().default(30_000),
        /** Its request line and headers within this time, else 408. */
        'headers-timeout-millis': z.number().int().positive().default(10_000),
      })
      .strict()
      .prefault({}),
    /** Optional access control, all off by default (SeaTunnel's REST API has none). */
    security: z
      .object({
        /** Clients must send `Authorization: Bearer <token>` (empty = off). */
        'auth-token': z.string().default(''),
        /** Clients must send HTTP basic auth with this `user:password` (empty = off). */
        'basic-auth': z
          .string()
          .refine((v) => v === '' || /^[^:]+:/.test(v), 'expected "user:password"')
          .default(''),
        /** Origins allowed to call the API from a browser (CORS); `*` for any; empty = no CORS headers. */
        'cors-origins': z.array(z.string().min(1)).default([]),
      })
      .strict()
      .prefault({}),
    simulation: z
      .object({ speed: z.number().positive().default(1), 'admin-api': z.boolean().default(false) })
      .strict()
      .prefault({}),
    logging: z
      .object({
        level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
        dir: z.string().default('logs'),
        /**
         * SeaTunnel's log4j2 routing: false (its shipped config) writes every line to the node's
         * seatunnel-engine-server.log; true gives each job its own job-<id>.log as well.
         */
        'split-job-logs': z.boolean().default(false),
        /**
         * When seatunnel-engine-server.log and seatunnel-server.out roll over, as the shipped
         * log4j2.properties rolls its file: daily or at file_split_size (100MB), keeping file_count
         * (100) rolled files of at most file_ttl (7d).
         */
        'rollover-bytes': z.number().int().positive().default(100 * 1024 * 1024),
        'rollover-files': z.number().int().min(0).default(100),
        'rollover-max-age-days': z.number().positive().default(7),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .transform((config, ctx) => {
    const profile = apiProfile(config.api.profile);
    const endpoint = config['rest-server-socket-endpoint-config'];
    const resolved = resolveHttpSettings(config.seatunnel.engine.http, profile.http, endpoint.port, endpoint['test-https-default-port'] ?? DEFAULT_HTTPS_PORT);
    if (!resolved.ok) {
      for (const issue of resolved.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    }
    const { http, listener } = resolved;
    const v1 = config.hazelcast.network['rest-api'].enabled ?? profile.v1EnabledByDefault;
    if (!v1 && !(profile.v2 && (http['enable-http'] || http.https))) {
      ctx.addIssue({
        code: 'custom',
        path: ['seatunnel', 'engine', 'http'],
        message:
          `the node would serve nothing: REST v2 is off (enable-http false, no HTTPS${profile.http.https === 'none' ? ` in ${profile.name}` : ''}) ` +
          'and REST v1 is off (hazelcast.network.rest-api.enabled)',
      });
      return z.NEVER;
    }
    return {
      ...config,
      'rest-server-socket-endpoint-config': { ...endpoint, port: listener },
      seatunnel: { ...config.seatunnel, engine: { ...config.seatunnel.engine, http } },
    };
  });

export type NodeConfig = z.infer<typeof nodeConfigSchema>;

const bool = (raw: string): boolean => /^(1|true|yes|on)$/i.test(raw.trim());
const num = (raw: string): number => Number(raw);
const list = (raw: string): string[] => raw.split(',').map((s) => s.trim()).filter(Boolean);
/** `k=v,k2=v2` → { k: 'v', k2: 'v2' } */
const tags = (raw: string): Record<string, string> =>
  Object.fromEntries(list(raw).map((pair) => [pair.split('=')[0]!.trim(), pair.slice(pair.indexOf('=') + 1).trim()]));

/** Environment variables that override the file, with the config path each one sets. */
export const ENV_OVERRIDES: Record<string, { path: string[]; convert: (raw: string) => unknown }> = {
  SEATUNNEL_SIM_HOST: { path: ['rest-server-socket-endpoint-config', 'host'], convert: String },
  SEATUNNEL_SIM_ADVERTISED_HOST: { path: ['rest-server-socket-endpoint-config', 'advertised-host'], convert: String },
  SEATUNNEL_SIM_PORT: { path: ['rest-server-socket-endpoint-config', 'port', 'port'], convert: num },
  SEATUNNEL_SIM_PORT_AUTO_INCREMENT: { path: ['rest-server-socket-endpoint-config', 'port', 'auto-increment'], convert: bool },
  SEATUNNEL_SIM_PORT_COUNT: { path: ['rest-server-socket-endpoint-config', 'port', 'port-count'], convert: num },
  SEATUNNEL_SIM_HZ_CLUSTER_NAME: { path: ['hazelcast', 'cluster-name'], convert: String },
  SEATUNNEL_SIM_HZ_MEMBERS: { path: ['hazelcast', 'cluster-members'], convert: list },
  SEATUNNEL_SIM_HZ_SMART_ROUTING: { path: ['hazelcast', 'smart-routing'], convert: bool },
  SEATUNNEL_SIM_V1_ENABLED: { path: ['hazelcast', 'network', 'rest-api', 'enabled'], convert: bool },
  SEATUNNEL_SIM_HISTORY_EXPIRE_MINUTES: { path: ['seatunnel', 'engine', 'history-job-expire-minutes'], convert: num },
  SEATUNNEL_SIM_CONTEXT_PATH: { path: ['seatunnel', 'engine', 'http', 'context-path'], convert: String },
  // SeaTunnel's own http keys: the values go through the same reading as the YAML's (a bad port is named).
  SEATUNNEL_SIM_ENABLE_HTTP: { path: ['seatunnel', 'engine', 'http', 'enable-http'], convert: bool },
  SEATUNNEL_SIM_ENABLE_HTTPS: { path: ['seatunnel', 'engine', 'http', 'enable-https'], convert: bool },
  SEATUNNEL_SIM_HTTPS_PORT: { path: ['seatunnel', 'engine', 'http', 'https-port'], convert: String },
  SEATUNNEL_SIM_KEY_STORE_PATH: { path: ['seatunnel', 'engine', 'http', 'key-store-path'], convert: String },
  SEATUNNEL_SIM_KEY_STORE_PASSWORD: { path: ['seatunnel', 'engine', 'http', 'key-store-password'], convert: String },
  SEATUNNEL_SIM_KEY_MANAGER_PASSWORD: { path: ['seatunnel', 'engine', 'http', 'key-manager-password'], convert: String },
  SEATUNNEL_SIM_TRUST_STORE_PATH: { path: ['seatunnel', 'engine', 'http', 'trust-store-path'], convert: String },
  SEATUNNEL_SIM_TRUST_STORE_PASSWORD: { path: ['seatunnel', 'engine', 'http', 'trust-store-password'], convert: String },
  SEATUNNEL_SIM_ENABLE_BASIC_AUTH: { path: ['seatunnel', 'engine', 'http', 'enable-basic-auth'], convert: bool },
  SEATUNNEL_SIM_BASIC_AUTH_USERNAME: { path: ['seatunnel', 'engine', 'http', 'basic-auth-username'], convert: String },
  SEATUNNEL_SIM_BASIC_AUTH_PASSWORD: { path: ['seatunnel', 'engine', 'http', 'basic-auth-password'], convert: String },
  SEATUNNEL_SIM_UPLOAD_MAX_FILE_SIZE_MB: { path: ['seatunnel', 'engine', 'http', 'upload-max-file-size-mb'], convert: String },
  SEATUNNEL_SIM_UPLOAD_MAX_REQUEST_SIZE_MB: { path: ['seatunnel', 'engine', 'http', 'upload-max-request-size-mb'], convert: String },
  SEATUNNEL_SIM_LOG_RESPONSE_MAX_SIZE_MB: { path: ['seatunnel', 'engine', 'http', 'log-response-max-size-mb'], convert: String },
  SEATUNNEL_SIM_TEST_HTTPS_DEFAULT_PORT: { path: ['rest-server-socket-endpoint-config', 'test-https-default-port'], convert: num },
  SEATUNNEL_SIM_NODE_NAME: { path: ['node', 'name'], convert: String },
  SEATUNNEL_SIM_NODE_TAGS: { path: ['node', 'tags'], convert: tags },
  SEATUNNEL_SIM_SLOT_NUM: { path: ['seatunnel', 'engine', 'slot-service', 'slot-num'], convert: num },
  SEATUNNEL_SIM_DYNAMIC_SLOT: { path: ['seatunnel', 'engine', 'slot-service', 'dynamic-slot'], convert: bool },
  SEATUNNEL_SIM_TELEMETRY: { path: ['seatunnel', 'engine', 'telemetry', 'metric', 'enabled'], convert: bool },
  SEATUNNEL_SIM_SCHEDULE_STRATEGY: { path: ['seatunnel', 'engine', 'job-schedule-strategy'], convert: (raw) => raw.toUpperCase() },
  SEATUNNEL_SIM_PROFILE: { path: ['api', 'profile'], convert: String },
  SEATUNNEL_SIM_BODY_LIMIT: { path: ['api', 'body-limit-bytes'], convert: num },
  SEATUNNEL_SIM_REQUEST_TIMEOUT: { path: ['api', 'request-timeout-millis'], convert: num },
  SEATUNNEL_SIM_HEADERS_TIMEOUT: { path: ['api', 'headers-timeout-millis'], convert: num },
  SEATUNNEL_SIM_AUTH_TOKEN: { path: ['security', 'auth-token'], convert: String },
  SEATUNNEL_SIM_BASIC_AUTH: { path: ['security', 'basic-auth'], convert: String },
  SEATUNNEL_SIM_CORS_ORIGINS: { path: ['security', 'cors-origins'], convert: list },
  SEATUNNEL_SIM_SPEED: { path: ['simulation', 'speed'], convert: num },
  SEATUNNEL_SIM_ADMIN_API: { path: ['simulation', 'admin-api'], convert: bool },
  SEATUNNEL_SIM_LOG_LEVEL: { path: ['logging', 'level'], convert: String },
  SEATUNNEL_SIM_LOG_DIR: { path: ['logging', 'dir'], convert: String },
  SEATUNNEL_SIM_SPLIT_JOB_LOGS: { path: ['logging', 'split-job-logs'], convert: bool },
  SEATUNNEL_SIM_LOG_ROLLOVER_BYTES: { path: ['logging', 'rollover-bytes'], convert: num },
  SEATUNNEL_SIM_LOG_ROLLOVER_FILES: { path: ['logging', 'rollover-files'], convert: num },
  SEATUNNEL_SIM_LOG_SCHEDULED_DELETION: { path: ['seatunnel', 'engine', 'telemetry', 'logs', 'scheduled-deletion-enable'], convert: bool },
};

type Tree = Record<string, unknown>;

function setPath(tree: Tree, path: string[], value: unknown): void {
  let node = tree;
  for (const key of path.slice(0, -1)) {
    const child = node[key];
    if (child === null || typeof child !== 'object' || Array.isArray(child)) node[key] = {};
    node = node[key] as Tree;
  }
  node[path[path.length - 1]!] = value;
}

const HTTP_BLOCK = ['seatunnel', 'engine', 'http'];
const LISTENER_BLOCK = ['rest-server-socket-endpoint-config', 'port'];
const samePath = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((key, i) => key === b[i]);

/** The mapping at `path`, if the tree has one there. */
function blockAt(tree: Tree, path: readonly string[]): Tree | null {
  let node: unknown = tree;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
    node = (node as Tree)[key];
  }
  return node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Tree) : null;
}

/** Drops a SeaTunnel http key in any spelling (SeaTunnel lowercases names). */
function dropHttpKey(tree: Tree, key: string): void {
  const http = blockAt(tree, HTTP_BLOCK);
  if (http) for (const written of Object.keys(http)) if (written.toLowerCase() === key) delete http[written];
}

/**
 * An environment variable or flag overrides the file: the key it sets replaces every spelling of
 * that key, and the twin key of the other vocabulary (`--port` over a pasted `port: 8080`), so
 * later layers win instead of conflicting with the file.
 */
function applyOverride(tree: Tree, path: string[], value: unknown): void {
  const leaf = path[path.length - 1]!;
  if (samePath(path.slice(0, -1), HTTP_BLOCK)) {
    dropHttpKey(tree, leaf.toLowerCase());
    const twin = Object.entries(LISTENER_TWINS).find(([, key]) => key === leaf.toLowerCase());
    if (twin) delete blockAt(tree, LISTENER_BLOCK)?.[twin[0]];
  } else if (samePath(path.slice(0, -1), LISTENER_BLOCK) && leaf in LISTENER_TWINS) {
    dropHttpKey(tree, LISTENER_TWINS[leaf as keyof typeof LISTENER_TWINS]);
  }
  setPath(tree, path, value);
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface NodeConfigInput {
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Values set at a path of the config tree, applied last. */
  overrides?: [string[], unknown][];
}

/**
 * The effective node config: the YAML file (if any), then environment overrides, then
 * `overrides` from the command line; validated as a whole so a typo fails at start with its path.
 */
export function loadNodeConfig(options: NodeConfigInput = {}): NodeConfig {
  let tree: Tree = {};
  if (options.file) {
    const text = readFileSync(options.file, 'utf8');
    const parsed: unknown = parseYaml(text);
    if (parsed !== null && parsed !== undefined) {
      if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(`${options.file}: expected a YAML mapping`);
      tree = parsed as Tree;
    }
  }
  const env = options.env ?? process.env;
  for (const [name, { path, convert }] of Object.entries(ENV_OVERRIDES)) {
    const raw = env[name];
    if (raw !== undefined && raw !== '') applyOverride(tree, path, convert(raw));
  }
  for (const [path, value] of options.overrides ?? []) applyOverride(tree, path, value);
  const result = nodeConfigSchema.safeParse(tree);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError(`invalid node config${options.file ? ` (${options.file})` : ''}:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}
