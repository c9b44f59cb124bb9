import { startMember, type MemberProcess } from '../member-process.js';
import { connectCluster, type HazelcastClient } from '../hazelcast-client.js';

/**
 * A real Hazelcast member for integration tests. `npm test` (scripts/run-tests.mjs) starts one
 * member for the whole run and passes its address in SEATUNNEL_SIM_TEST_MEMBERS; a test file run
 * on its own starts (and stops) its own member instead.
 */
export interface TestMember {
  address: string;
  clusterName: string;
  connect(): Promise<HazelcastClient>;
  release(): Promise<void>;
}

export const TEST_CLUSTER_NAME = 'seatunnel-sim-test';

/**
 * @param isolated start a member of its own even when a shared one exists: for tests that assert
 * cluster-wide figures (counts, slots), which other tests' jobs would change (nodes adopt the
 * jobs that earlier tests' stopped nodes left behind, as a real cluster does).
 */
export async function acquireTestMember(port = 25801, isolated = false): Promise<TestMember> {
  const shared = isolated ? undefined : process.env['SEATUNNEL_SIM_TEST_MEMBERS'];
  let own: MemberProcess | undefined;
  const clusterName = process.env['SEATUNNEL_SIM_TEST_CLUSTER'] ?? TEST_CLUSTER_NAME;
  let address: string;
  if (shared) address = shared;
  else {
    own = await startMember({ port, members: [`127.0.0.1:${port}`], clusterName });
    address = own.address;
  }
  return {
    address,
    clusterName,
    connect: () => connectCluster({ clusterName, members: [address] }),
    release: async () => {
      await own?.stop();
    },
  };
}

/** A unique prefix so tests sharing one member never see each other's data. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
