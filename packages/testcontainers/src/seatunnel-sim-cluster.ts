import { readFileSync } from 'node:fs';
import { GenericContainer, Network, Wait, type StartedNetwork, type StartedTestContainer } from 'testcontainers';
import { defaultMemberConfigPath } from './member-config.js';

/** The official image by default; `scripts/offline-images.sh` builds stand-ins on machines without a registry. */
export const DEFAULT_HAZELCAST_IMAGE = process.env['HAZELCAST_IMAGE'] ?? 'hazelcast/hazelcast:5.6.0';
export const DEFAULT_NODE_IMAGE = process.env['SEATUNNEL_SIM_IMAGE'] ?? 'seatunnel-sim/node:latest';

const MEMBER_CONFIG_PATH = '/opt/hazelcast/config_ext/hazelcast-member.yaml';

/** Hazelcast's own merge policy (every image has it): the larger side's copy of an entry wins. */
export const PUT_IF_ABSENT_MERGE_POLICY = 'com.hazelcast.spi.merge.PutIfAbsentMergePolicy';
/** seatunnel-sim's merge policy of the job maps; only in images built by scripts/offline-images.sh. */
export const JOB_VERSION_MERGE_POLICY = 'org.seatunnelsim.member.JobVersionMergePolicy';

/** The merge policy an image supports: ours in the project's own Hazelcast image, else Hazelcast's. */
function mergePolicyOf(image: string): string {
  return image.startsWith('seatunnel-sim/') ? JOB_VERSION_MERGE_POLICY : PUT_IF_ABSENT_MERGE_POLICY;
}
const REST_PORT = 8080;
const MEMBER_PORT = 5701;

/** A node container of a started cluster. */
export interface SimNode {
  name: string;
  container: StartedTestContainer;
  /** http://host:port of its REST API, as seen from the test process. */
  url: string;
}

export interface SimMember {
  name: string;
  container: StartedTestContainer;
}

/**
 * A seatunnel-sim cluster in Docker for tests: Hazelcast members and simulator nodes on their own
 * network, each waited on through its health endpoint (never a log line).
 *
 *   const cluster = await new SeaTunnelSimCluster().withNodes(3).withMembers(2).start();
 *   const [url] = cluster.getRestUrls();   // e.g. http://localhost:32791
 *   await fetch(`${url}/hazelcast/rest/maps/running-jobs`);
 *   await cluster.stop();
 */
export class SeaTunnelSimCluster {
  private nodeCount = 1;
  private memberCount = 1;
  private hazelcastImage = DEFAULT_HAZELCAST_IMAGE;
  private nodeImage = DEFAULT_NODE_IMAGE;
  private clusterName = 'seatunnel';
  private memberConfig: string | undefined;
  private mergePolicy: string | undefined;
  private nodeEnvironment: Record<string, string> = {};
  private startupTimeoutMillis = 120_000;

  withNodes(count: number): this {
    this.nodeCount = count;
    return this;
  }

  withMembers(count: number): this {
    this.memberCount = count;
    return this;
  }

  withHazelcastImage(image: string): this {
    this.hazelcastImage = image;
    return this;
  }

  withNodeImage(image: string): this {
    this.nodeImage = image;
    return this;
  }

  withClusterName(name: string): this {
    this.clusterName = name;
    return this;
  }

  /** Path of the member config to mount (default: the one this package ships, or the repository's). */
  withMemberConfig(path: string): this {
    this.memberConfig = readFileSync(path, 'utf8');
    return this;
  }

  /**
   * The job maps' merge policy after a network partition heals (default: seatunnel-sim's in the
   * project's own image, Hazelcast's PutIfAbsentMergePolicy in any other).
   */
  withMergePolicy(className: string): this {
    this.mergePolicy = className;
    return this;
  }

  /** Extra environment for every node, e.g. `{ SEATUNNEL_SIM_ADMIN_API: 'true' }`. */
  withNodeEnvironment(env: Record<string, string>): this {
    this.nodeEnvironment = { ...this.nodeEnvironment, ...env };
    return this;
  }

  withStartupTimeout(millis: number): this {
    this.startupTimeoutMillis = millis;
    return this;
  }

  async start(): Promise<StartedSeaTunnelSimCluster> {
    const defaultConfig = defaultMemberConfigPath();
    const memberConfig = this.memberConfig ?? (defaultConfig === undefined ? undefined : readFileSync(defaultConfig, 'utf8'));
    const network = await new Network().start();
    const memberNames = Array.from({ length: this.memberCount }, (_, i) => `hz${i + 1}`);
    const memberList = memberNames.map((n) => `${n}:${MEMBER_PORT}`).join(',');
    const members: SimMember[] = [];
    const nodes: SimNode[] = [];
    try {
      members.push(
        ...(await Promise.all(
          memberNames.map(async (name) => {
            let member = new GenericContainer(this.hazelcastImage)
              .withNetwork(network)
              .withNetworkAliases(name)
              .withHostname(name)
              .withExposedPorts(MEMBER_PORT)
              .withEnvironment({
                HAZELCAST_CONFIG: MEMBER_CONFIG_PATH,
                JAVA_OPTS: [
                  '-Xms64m -Xmx384m',
                  `-Dhazelcast.config=${MEMBER_CONFIG_PATH}`,
                  `-Dsim.cluster.name=${this.clusterName}`,
                  `-Dsim.port=${MEMBER_PORT}`,
                  `-Dsim.members=${memberList}`,
                  // Split-brain protection needs a majority, which only 3 or more members can keep
                  // when one side is cut off (the same rule as the CLI's members).
                  `-Dsim.quorum.enabled=${this.memberCount >= 3}`,
                  `-Dsim.quorum.size=${Math.max(2, Math.floor(this.memberCount / 2) + 1)}`,
                  `-Dsim.merge.policy=${this.mergePolicy ?? mergePolicyOf(this.hazelcastImage)}`,
                  // Persistence (the CLI's --persist-dir) is the local cluster's; containers start empty.
                  '-Dsim.persistence.enabled=false',
                  '-Dsim.persistence.dir=none',
                  '-Dhazelcast.phone.home.enabled=false',
                ].join(' '),
              })
              .withWaitStrategy(Wait.forHttp('/hazelcast/health/ready', MEMBER_PORT).forStatusCode(200))
              .withStartupTimeout(this.startupTimeoutMillis);
            if (memberConfig) member = member.withCopyContentToContainer([{ content: memberConfig, target: MEMBER_CONFIG_PATH }]);
            return { name, container: await member.start() };
          }),
        )),
      );
      for (let i = 0; i < this.nodeCount; i++) {
        const name = `node${i + 1}`;
        const container = await new GenericContainer(this.nodeImage)
          .withNetwork(network)
          .withNetworkAliases(name)
          .withHostname(name)
          .withExposedPorts(REST_PORT)
          .withEnvironment({
            SEATUNNEL_SIM_HOST: '0.0.0.0',
            SEATUNNEL_SIM_PORT: String(REST_PORT),
            SEATUNNEL_SIM_ADVERTISED_HOST: name,
            SEATUNNEL_SIM_HZ_MEMBERS: memberList,
            SEATUNNEL_SIM_HZ_CLUSTER_NAME: this.clusterName,
            SEATUNNEL_SIM_NODE_NAME: name,
            ...this.nodeEnvironment,
          })
          .withWaitStrategy(Wait.forHealthCheck())
          .withStartupTimeout(this.startupTimeoutMillis)
          .start();
        nodes.push({ name, container, url: `http://${container.getHost()}:${container.getMappedPort(REST_PORT)}` });
      }
    } catch (error) {
      await stopAll(nodes, members, network);
      throw error;
    }
    return new StartedSeaTunnelSimCluster(network, members, nodes);
  }
}

async function stopAll(nodes: SimNode[], members: SimMember[], network: StartedNetwork): Promise<void> {
  await Promise.allSettled(nodes.map((n) => n.container.stop({ timeout: 10_000 })));
  await Promise.allSettled(members.map((m) => m.container.stop({ timeout: 10_000 })));
  await network.stop().catch(() => undefined);
}

export class StartedSeaTunnelSimCluster {
  constructor(
    private readonly network: StartedNetwork,
    readonly members: SimMember[],
    readonly nodes: SimNode[],
  ) {}

  /** The REST base URL of every node, in node order. */
  getRestUrls(): string[] {
    return this.nodes.map((n) => n.url);
  }

  /** Stops every container and the network (safe to call twice). */
  async stop(): Promise<void> {
    await stopAll(this.nodes, this.members, this.network);
  }
}
