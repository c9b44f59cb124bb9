import { configException } from './errors.js';
import type { JobConfig } from './job-config.js';

/**
 * A job written in SeaTunnel's SQL (`submit-job?format=sql`, 2.3.12, apache/seatunnel#9802),
 * read as SqlConfigBuilder reads it. Placeholder until the SQL reader lands.
 */
export function readSqlJobConfig(_text: string): JobConfig {
  throw configException('Failed to parse job config: ');
}
