import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hazelcastJarPath, workspaceRoot } from '@seatunnel-sim/cluster';

/**
 * The Hazelcast member jar, fetched with Maven (scripts/hazelcast/fetch.sh) the first time a
 * Hazelcast cluster is started; throws what to do when it cannot be had.
 */
export function ensureHazelcastJar(): string {
  const jar = hazelcastJarPath();
  if (existsSync(jar)) return jar;
  const script = join(workspaceRoot(), 'scripts', 'hazelcast', 'fetch.sh');
  if (!existsSync(script)) throw new Error(`the Hazelcast jar is missing (${jar}) and there is no ${script} to fetch it`);
  const fetched = spawnSync('bash', [script], { stdio: 'inherit' });
  if (fetched.status !== 0 || !existsSync(jar)) {
    throw new Error(`could not fetch the Hazelcast jar with Maven (${script}); or run \`seatunnel-sim up --store memory\`, which needs neither Java nor Maven`);
  }
  return jar;
}
