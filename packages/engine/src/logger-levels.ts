import { javaHashMapOrder } from './java-hash-map.js';

/**
 * A node's log4j2 logger levels and their runtime overrides, as LogLevels keeps them for the
 * /loggers endpoints (3.0, apache/seatunnel#11984; LogLevels.java, LoggerLevelService.java).
 * The configuration is SeaTunnel's config/log4j2.properties: root INFO, org.apache.seatunnel.engine
 * INFO, io.debezium.connector WARN. Node-local and lost on restart, as in SeaTunnel.
 */

/** log4j2's standard levels in their natural order (most severe first): LogLevels.validNames(). */
export const LOG4J_LEVELS = ['OFF', 'FATAL', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE', 'ALL'] as const;
export type Log4jLevel = (typeof LOG4J_LEVELS)[number];

/** The endpoints' name of the root logger (LoggerConfig.ROOT); log4j2 calls it "". */
export const ROOT_LOGGER = 'root';

const FILE_LOGGERS: readonly [string, Log4jLevel][] = [
  ['', 'INFO'],
  ['org.apache.seatunnel.engine', 'INFO'],
  ['io.debezium.connector', 'WARN'],
];

/** LogLevels.parse: the name as registered, else upper-cased; null for anything else. */
export function parseLog4jLevel(name: string | null | undefined): Log4jLevel | null {
  const trimmed = (name ?? '').trim();
  if (trimmed === '') return null;
  const found = LOG4J_LEVELS.find((level) => level === trimmed) ?? LOG4J_LEVELS.find((level) => level === trimmed.toUpperCase());
  return found ?? null;
}

export interface LoggerView {
  name: string;
  level: Log4jLevel | null;
  origin: 'file' | 'runtime-override';
  /** The level before the first override (only while overridden and configured before). */
  fileLevel?: Log4jLevel;
}

interface Original {
  configured: boolean;
  level: Log4jLevel | null;
}

const configName = (logger: string): string => (logger.trim() === ROOT_LOGGER ? '' : logger.trim());
const endpointName = (name: string): string => (name === '' ? ROOT_LOGGER : name);

export class LoggerLevels {
  /** LoggerConfigs by log4j2 name, in insertion order (iteration follows the map's hashing). */
  private readonly configured = new Map<string, Log4jLevel>(FILE_LOGGERS);
  private readonly overridden = new Map<string, Original>();

  /** Configuration.getLoggerConfig: the logger's own config or its closest configured ancestor's. */
  effectiveLevel(logger: string): Log4jLevel | null {
    let name = configName(logger);
    for (;;) {
      const level = this.configured.get(name);
      if (level !== undefined) return level;
      if (name === '') return null;
      const dot = name.lastIndexOf('.');
      name = dot < 0 ? '' : name.slice(0, dot);
    }
  }

  /** Whether the level that applies to `logger` comes from an override of it or of its closest configured ancestor. */
  overridesApplyTo(logger: string): boolean {
    let name = configName(logger);
    for (;;) {
      if (this.configured.has(name)) return this.overridden.has(endpointName(name));
      if (name === '') return false;
      const dot = name.lastIndexOf('.');
      name = dot < 0 ? '' : name.slice(0, dot);
    }
  }

  view(logger: string, level: Log4jLevel | null = this.effectiveLevel(logger)): LoggerView {
    const name = logger.trim();
    const original = this.overridden.get(name);
    return {
      name: logger,
      level,
      origin: original ? 'runtime-override' : 'file',
      ...(original?.level ? { fileLevel: original.level } : {}),
    };
  }

  /** LogLevels.loggers(): every LoggerConfig (ConcurrentHashMap order), root named `root`. */
  list(): LoggerView[] {
    return javaHashMapOrder([...this.configured.keys()]).map((name) => this.view(endpointName(name), this.configured.get(name)!));
  }

  /** LogLevels.apply: the effective level it replaced; the first override remembers the original. */
  apply(logger: string, level: Log4jLevel): Log4jLevel | null {
    const name = logger.trim();
    const previous = this.effectiveLevel(name);
    if (!this.overridden.has(name)) {
      const own = this.configured.get(configName(name));
      this.overridden.set(name, { configured: own !== undefined, level: own ?? null });
    }
    this.configured.set(configName(name), level);
    return previous;
  }

  /** LogLevels.reset: back to the state before the first override (an added LoggerConfig removed). */
  reset(logger: string): { reverted: boolean; previousLevel: Log4jLevel | null; level: Log4jLevel | null } {
    const name = logger.trim();
    const previousLevel = this.effectiveLevel(name);
    const original = this.overridden.get(name);
    if (!original) return { reverted: false, previousLevel, level: previousLevel };
    this.overridden.delete(name);
    if (configName(name) === '') this.configured.set('', original.level ?? 'INFO');
    else if (original.configured && original.level) this.configured.set(name, original.level);
    else this.configured.delete(name);
    return { reverted: true, previousLevel, level: this.effectiveLevel(name) };
  }
}
