import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MEMBER_CONFIG = join('config', 'hazelcast-member.yaml');

/**
 * The member config to mount when the caller names none: the copy this package ships (`npm pack`
 * puts it in the package's config/), or the repository's config/ when run from a checkout. The
 * official hazelcast/hazelcast image knows nothing of the simulator's maps and `sim.*`
 * properties, so without it only the stand-in image (which bakes the file in) would start.
 */
export function defaultMemberConfigPath(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, MEMBER_CONFIG);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
