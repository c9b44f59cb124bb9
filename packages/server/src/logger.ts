import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout (pino); the level comes from the node config. */
export function createLogger(level: string, name: string): Logger {
  return pino({ level, name, base: { pid: process.pid } });
}
