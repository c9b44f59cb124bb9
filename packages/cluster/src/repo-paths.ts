import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HAZELCAST_VERSION = '5.6.0';

const MEMBER_CONFIG = join('config', 'hazelcast-member.yaml');
const FETCH_SCRIPT = join('scripts', 'hazelcast', 'fetch.sh');

/** This package's folder (dist/src/repo-paths.js is three levels below it). */
function packageRoot(): string {
  return dirname(dirname(dirname(fileURLToPath(import.meta.url))));
}

/**
 * The seatunnel-sim repository this code runs from, or undefined when it runs from an installed
 * package (npm tarball). The repository is the nearest folder above holding both the member config
 * and the jar fetch script; an installed package carries its own copy of the config but never the
 * script, so the two are told apart.
 */
export function checkoutRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, MEMBER_CONFIG)) && existsSync(join(dir, FETCH_SCRIPT))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The repository root; throws outside a checkout (an installed package has no repository). */
export function workspaceRoot(): string {
  const root = checkoutRoot();
  if (root === undefined) throw new Error(`not running from a seatunnel-sim checkout (${fileURLToPath(import.meta.url)})`);
  return root;
}

/** The jar fetch script of the checkout, when running from one. */
export function hazelcastFetchScript(): string | undefined {
  const root = checkoutRoot();
  return root === undefined ? undefined : join(root, FETCH_SCRIPT);
}

/**
 * Where fetched jars live: the checkout's .cache (git-ignored), or, for an installed package, the
 * user's cache folder — node_modules is the wrong place for a 15 MB download that every project
 * on the machine can share.
 */
function hazelcastCacheDir(): string {
  const root = checkoutRoot();
  if (root !== undefined) return join(root, '.cache', 'hazelcast');
  const userCache = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(userCache, 'seatunnel-sim', 'hazelcast');
}

export function hazelcastJarPath(): string {
  return process.env['SEATUNNEL_SIM_HZ_JAR'] ?? join(hazelcastCacheDir(), `hazelcast-${HAZELCAST_VERSION}.jar`);
}

/**
 * The member-side extension jar (scripts/hazelcast/build-extension.sh compiles it next to the
 * Hazelcast jar in a checkout; an installed package has none unless SEATUNNEL_SIM_HZ_EXTENSION_JAR
 * names one).
 */
export function memberExtensionJarPath(): string {
  return process.env['SEATUNNEL_SIM_HZ_EXTENSION_JAR'] ?? join(hazelcastCacheDir(), 'seatunnel-sim-member.jar');
}

/** The member config: the checkout's config/, or the copy an installed package ships (`npm pack` puts it there). */
export function memberConfigPath(): string {
  const configured = process.env['SEATUNNEL_SIM_HZ_CONFIG'];
  if (configured) return configured;
  const root = checkoutRoot();
  return join(root ?? packageRoot(), MEMBER_CONFIG);
}
