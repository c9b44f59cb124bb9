import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout (pino); the level comes from the node config. */
export function createLogger(level: string, name: string): Logger {
  // The node logs its effective config at start: never its secrets.
  const redact = { paths: ['config.security["auth-token"]', 'config.security["basic-auth"]'], censor: '[redacted]' };
  return pino({ level, name, base: { pid: process.pid }, redact });
}
