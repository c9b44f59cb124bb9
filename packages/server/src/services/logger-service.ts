import { LoggerLevels, type Log4jLevel, type LoggerView } from '@seatunnel-sim/engine';
import type { NodeInfo } from '@seatunnel-sim/cluster';
import type { Logger } from 'pino';

/** The log4j2 logger our node's own log stands for: SeaTunnel's server classes. */
const NODE_LOGGER = 'org.apache.seatunnel.engine.server.SeaTunnelServer';

/** How log4j2's levels reach pino (ALL is pino's most verbose, OFF its silence). */
const PINO_LEVELS: Record<Log4jLevel, string> = { OFF: 'silent', FATAL: 'fatal', ERROR: 'error', WARN: 'warn', INFO: 'info', DEBUG: 'debug', TRACE: 'trace', ALL: 'trace' };

export interface LoggerServiceDeps {
  logger: Logger;
  /** The node's level from its own config, which applies while no override reaches NODE_LOGGER. */
  configuredLevel: string;
  /** LoggerLevelService.nodeId(): host and the configured HTTP port. */
  nodeId(): string;
  peers(): Promise<NodeInfo[]>;
  contextPath: string;
  /** Basic credentials the fan-out sends when SeaTunnel's basic auth is on. */
  authorization: string | null;
}

export type LoggerMethod = 'GET' | 'POST' | 'DELETE';

/**
 * LoggerLevelService (3.0, apache/seatunnel#11984): this node's levels and overrides, the answers
 * in Hazelcast JsonObject field order, and the `scope=cluster` fan-out over every member's own
 * endpoint. An override that reaches the server's logger changes this node's pino level.
 */
export class LoggerService {
  private readonly levels = new LoggerLevels();

  constructor(private readonly deps: LoggerServiceDeps) {}

  private json(view: LoggerView, extra: Record<string, unknown> = {}): string {
    return JSON.stringify({ ...view, node: this.deps.nodeId(), ...extra });
  }

  loggersJson(): string {
    return JSON.stringify({ node: this.deps.nodeId(), loggers: this.levels.list() });
  }

  loggerJson(name: string): string {
    return this.json(this.levels.view(name));
  }

  setLevel(name: string, level: Log4jLevel, client: string): string {
    const previous = this.levels.apply(name, level);
    this.applyToNode();
    this.deps.logger.info(`Logger level changed: logger=${name}, ${previous} -> ${level}, scope=node, client=${client}`);
    return this.json(this.levels.view(name), { previousLevel: previous, status: 'SUCCESS' });
  }

  resetLevel(name: string, client: string): string {
    const reverted = this.levels.reset(name);
    this.applyToNode();
    if (reverted.reverted) this.deps.logger.info(`Logger level reverted: logger=${name}, ${reverted.previousLevel} -> ${reverted.level}, scope=node, client=${client}`);
    return this.json(this.levels.view(name, reverted.level), { previousLevel: reverted.previousLevel, status: reverted.reverted ? 'SUCCESS' : 'NO_OVERRIDE' });
  }

  /** The node's pino level: the override that reaches the server's logger, else the configured one. */
  private applyToNode(): void {
    const level = this.levels.effectiveLevel(NODE_LOGGER);
    this.deps.logger.level = this.levels.overridesApplyTo(NODE_LOGGER) && level ? PINO_LEVELS[level] : this.deps.configuredLevel;
  }

  /** The same request on every member's node endpoint; each member's answer or its failure. */
  async fanOut(method: LoggerMethod, name: string | null, level: Log4jLevel | null): Promise<string> {
    const nodes: unknown[] = [];
    let failed = 0;
    const peers = await this.deps.peers();
    for (const peer of peers) {
      const member = `${peer.host}:${peer.port}`;
      // URLEncoder: form encoding (a space is '+').
      const encode = (text: string): string => encodeURIComponent(text).replace(/%20/g, '+');
      const url = `${peer.url}${this.deps.contextPath}/loggers${name === null ? '' : `/${encode(name)}`}${level === null ? '' : `?level=${encode(level)}`}`;
      try {
        const response = await fetch(url, {
          method,
          headers: this.deps.authorization ? { authorization: this.deps.authorization } : {},
          signal: AbortSignal.timeout(5000),
        });
        const text = await response.text();
        if (response.status !== 200) throw new Error(`IOException: HTTP ${response.status} from ${url}: ${text}`);
        nodes.push(JSON.parse(text));
      } catch (error) {
        failed++;
        const message = error instanceof Error ? error.message : String(error);
        nodes.push({ node: member, status: 'FAILURE', error: message.startsWith('IOException') ? message : `ConnectException: ${message}` });
      }
    }
    const status = failed === 0 ? 'SUCCESS' : failed === peers.length ? 'FAILURE' : 'PARTIAL_FAILURE';
    return JSON.stringify({ scope: 'cluster', status, ...(name !== null ? { name } : {}), ...(level !== null ? { level } : {}), nodes });
  }
}
