import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { HAZELCAST_VERSION, hazelcastFetchScript, hazelcastJarPath } from '@seatunnel-sim/cluster';

const NO_JAR_WAY_OUT = 'or run `seatunnel-sim up --store memory`, which needs neither Java nor Maven';

/**
 * The Hazelcast member jar, fetched from Maven Central the first time a Hazelcast cluster is
 * started; throws what to do when it cannot be had. In the repository the fetch is
 * scripts/hazelcast/fetch.sh (shared with `npm test`); an installed package has no scripts, so it
 * runs the same `mvn dependency:copy` itself, into the user's cache.
 */
export function ensureHazelcastJar(): string {
  const jar = hazelcastJarPath();
  if (existsSync(jar)) return jar;
  const script = hazelcastFetchScript();
  if (script !== undefined) {
    const fetched = spawnSync('bash', [script], { stdio: 'inherit' });
    if (fetched.status !== 0 || !existsSync(jar)) throw new Error(`could not fetch the Hazelcast jar with Maven (${script}); ${NO_JAR_WAY_OUT}`);
    return jar;
  }
  fetchWithMaven(jar);
  return jar;
}

function fetchWithMaven(jar: string): void {
  if (basename(jar) !== `hazelcast-${HAZELCAST_VERSION}.jar`) {
    throw new Error(`the Hazelcast jar ${jar} (SEATUNNEL_SIM_HZ_JAR) does not exist; ${NO_JAR_WAY_OUT}`);
  }
  const artifact = `com.hazelcast:hazelcast:${HAZELCAST_VERSION}`;
  mkdirSync(dirname(jar), { recursive: true });
  console.log(`fetching ${artifact} from Maven Central into ${dirname(jar)} (once)`);
  const fetched = spawnSync('mvn', ['-q', '-B', 'dependency:copy', `-Dartifact=${artifact}`, `-DoutputDirectory=${dirname(jar)}`, '-Dmdep.overWriteIfNewer=true'], { stdio: 'inherit' });
  if (fetched.error !== undefined) throw new Error(`the Hazelcast jar is fetched with Maven, and \`mvn\` did not run (${fetched.error.message}); install Maven, ${NO_JAR_WAY_OUT}`);
  if (fetched.status !== 0 || !existsSync(jar)) throw new Error(`could not fetch ${artifact} with Maven; ${NO_JAR_WAY_OUT}`);
}
