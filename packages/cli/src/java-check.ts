import { spawnSync } from 'node:child_process';

/** Whether a `java` runs from the PATH (a Hazelcast member needs Java 17). */
export function javaAvailable(): boolean {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore', timeout: 10_000 });
  return probe.error === undefined && probe.status === 0;
}

/** What `up` says when there is no Java: the way out is the single-process store. */
export const NO_JAVA_MESSAGE =
  'Java was not found on the PATH, and a Hazelcast member needs Java 17. ' +
  'Install Java 17 (and Maven, which fetches the Hazelcast jar), or run `seatunnel-sim up --store memory` ' +
  '(`npm start -- --store memory`): every node in one process, sharing state in memory — the same API and ' +
  'simulation, but no real cluster (no failover across processes, no kill -9, no containers).';
