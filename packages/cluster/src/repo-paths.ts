import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (or installed workspace) root: the nearest folder holding config/hazelcast-member.yaml. */
export function workspaceRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'config', 'hazelcast-member.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find config/hazelcast-member.yaml above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export const HAZELCAST_VERSION = '5.6.0';

export function hazelcastJarPath(): string {
  return process.env['SEATUNNEL_SIM_HZ_JAR'] ?? join(workspaceRoot(), '.cache', 'hazelcast', `hazelcast-${HAZELCAST_VERSION}.jar`);
}

export function memberConfigPath(): string {
  return process.env['SEATUNNEL_SIM_HZ_CONFIG'] ?? join(workspaceRoot(), 'config', 'hazelcast-member.yaml');
}
