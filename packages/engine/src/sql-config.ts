import { configException } from './errors.js';
import { parseConfig, type ConfigObject } from './hocon.js';
import type { JobConfig } from './job-config.js';
import { readParsedJobConfig } from './seatunnel-config.js';
import { buildSqlJob } from './sql/job-builder.js';

/**
 * SqlConfigBuilder.of(String): the SQL job rendered to HOCON and parsed, all inside one try that
 * turns any failure (SQL syntax, an unknown table, HOCON the template made invalid) into
 * RuntimeException("Failed to parse job config: ") — a 500 whose message ends in a space.
 * SeaTunnel (2.3.12, apache/seatunnel#9802) does this before it looks at the query parameters.
 */
export function parseSqlConfig(text: string): ConfigObject {
  try {
    return parseConfig(buildSqlJob(text), 'conf');
  } catch {
    throw configException('Failed to parse job config: ');
  }
}

/**
 * A job written in SeaTunnel's SQL (`submit-job?format=sql`, `.sql` uploads). The Config it
 * yields goes on like a HOCON body's: env and the plugin blocks are read with the same checks
 * and errors, then the job is checked and run like any other.
 */
export function readSqlJobConfig(text: string): JobConfig {
  return readParsedJobConfig(parseSqlConfig(text));
}
