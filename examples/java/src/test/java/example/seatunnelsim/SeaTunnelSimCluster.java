package example.seatunnelsim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * A seatunnel-sim cluster in Docker: Hazelcast members and simulator nodes on a network of their
 * own, wired as the simulator's docker-compose.yml wires them (members hz1..hzN on 5701, nodes
 * node1..nodeN on 8080, members found by network alias). Each container is waited on through its
 * health endpoint, never a log line. The REST ports are mapped to free host ports.
 *
 * <pre>
 * try (SeaTunnelSimCluster cluster = new SeaTunnelSimCluster(1, 2)) {
 *   cluster.start();
 *   String node1 = cluster.restUrl(0);   // e.g. http://localhost:32791
 * }
 * </pre>
 *
 * <p>Settings, each a system property first and an environment variable second:
 * <ul>
 *   <li>{@code seatunnel.sim.hazelcastImage} / {@code HAZELCAST_IMAGE} (default hazelcast/hazelcast:5.6.0)</li>
 *   <li>{@code seatunnel.sim.nodeImage} / {@code SEATUNNEL_SIM_IMAGE} (default seatunnel-sim/node:latest)</li>
 *   <li>{@code seatunnel.sim.memberConfig} / {@code SEATUNNEL_SIM_MEMBER_CONFIG}: the simulator's
 *       config/hazelcast-member.yaml, copied into every member (default: that file when the tests
 *       run inside the simulator's checkout). The official Hazelcast image needs it (it knows
 *       nothing of the simulator's maps); the stand-in image of the simulator's
 *       scripts/offline-images.sh has it built in.</li>
 *   <li>{@code seatunnel.sim.label} / {@code SEATUNNEL_SIM_LABEL}: value of the label
 *       {@value #LABEL} on every container and the network, so that a script can remove what a
 *       killed run left behind (needed when Ryuk, Testcontainers' own reaper, is disabled).</li>
 * </ul>
 */
public final class SeaTunnelSimCluster implements AutoCloseable {
  public static final String LABEL = "org.seatunnel-sim.java-example";

  private static final int MEMBER_PORT = 5701;
  private static final int REST_PORT = 8080;
  private static final String MEMBER_CONFIG_PATH = "/opt/hazelcast/config_ext/hazelcast-member.yaml";
  private static final String CLUSTER_NAME = "seatunnel";
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

  private final int memberCount;
  private final int nodeCount;
  private final String hazelcastImage = setting("seatunnel.sim.hazelcastImage", "HAZELCAST_IMAGE", "hazelcast/hazelcast:5.6.0");
  private final String nodeImage = setting("seatunnel.sim.nodeImage", "SEATUNNEL_SIM_IMAGE", "seatunnel-sim/node:latest");
  private final String memberConfig = setting("seatunnel.sim.memberConfig", "SEATUNNEL_SIM_MEMBER_CONFIG", checkoutMemberConfig());
  private final Map<String, String> labels = Map.of(LABEL, setting("seatunnel.sim.label", "SEATUNNEL_SIM_LABEL", "manual"));

  private Network network;
  private final List<GenericContainer<?>> members = new ArrayList<>();
  private final List<GenericContainer<?>> nodes = new ArrayList<>();

  public SeaTunnelSimCluster(int memberCount, int nodeCount) {
    if (memberCount < 1 || nodeCount < 1) throw new IllegalArgumentException("at least one member and one node");
    this.memberCount = memberCount;
    this.nodeCount = nodeCount;
  }

  /** Starts the members (in parallel), then the nodes (in parallel); stops everything on failure. */
  public SeaTunnelSimCluster start() throws IOException {
    network = Network.builder().createNetworkCmdModifier(cmd -> cmd.withLabels(labels)).build();
    List<String> memberNames = IntStream.rangeClosed(1, memberCount).mapToObj(i -> "hz" + i).toList();
    String memberList = memberNames.stream().map(n -> n + ":" + MEMBER_PORT).collect(Collectors.joining(","));
    try {
      for (String name : memberNames) members.add(member(name, memberList));
      Startables.deepStart(members).join();
      for (int i = 1; i <= nodeCount; i++) nodes.add(node("node" + i, memberList));
      Startables.deepStart(nodes).join();
    } catch (RuntimeException | IOException e) {
      close();
      throw e;
    }
    return this;
  }

  private GenericContainer<?> member(String name, String memberList) throws IOException {
    GenericContainer<?> member = new GenericContainer<>(DockerImageName.parse(hazelcastImage))
        .withNetwork(network)
        .withNetworkAliases(name)
        .withCreateContainerCmdModifier(cmd -> cmd.withHostName(name))
        .withLabels(labels)
        .withExposedPorts(MEMBER_PORT)
        .withEnv("HAZELCAST_CONFIG", MEMBER_CONFIG_PATH)
        // Our settings are Java system properties: Hazelcast would read HZ_* variables as config overrides.
        .withEnv("JAVA_OPTS", String.join(" ",
            "-Xms64m -Xmx384m",
            "-Dhazelcast.config=" + MEMBER_CONFIG_PATH,
            "-Dsim.cluster.name=" + CLUSTER_NAME,
            "-Dsim.port=" + MEMBER_PORT,
            "-Dsim.members=" + memberList,
            // The member config's partition settings: a majority quorum only from 3 members on, and
            // Hazelcast's own merge policy (the official image has no seatunnel-sim extension jar).
            "-Dsim.quorum.enabled=" + (memberList.split(",").length >= 3),
            "-Dsim.quorum.size=" + Math.max(2, memberList.split(",").length / 2 + 1),
            "-Dsim.merge.policy=com.hazelcast.spi.merge.PutIfAbsentMergePolicy",
            "-Dsim.persistence.enabled=false",
            "-Dsim.persistence.dir=none",
            "-Dhazelcast.phone.home.enabled=false",
            "-Dhazelcast.graceful.shutdown.max.wait=5"))
        .withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger("container." + name)))
        .waitingFor(Wait.forHttp("/hazelcast/health/ready").forPort(MEMBER_PORT).forStatusCode(200))
        .withStartupTimeout(STARTUP_TIMEOUT);
    if (!memberConfig.isEmpty()) {
      member = member.withCopyToContainer(Transferable.of(Files.readString(Path.of(memberConfig))), MEMBER_CONFIG_PATH);
    }
    return member;
  }

  private GenericContainer<?> node(String name, String memberList) {
    return new GenericContainer<>(DockerImageName.parse(nodeImage))
        .withNetwork(network)
        .withNetworkAliases(name)
        .withCreateContainerCmdModifier(cmd -> cmd.withHostName(name))
        .withLabels(labels)
        .withExposedPorts(REST_PORT)
        .withCommand("node", "packages/cli/dist/src/bin.js", "node")
        .withEnv(Map.of(
            "SEATUNNEL_SIM_HOST", "0.0.0.0",
            "SEATUNNEL_SIM_PORT", String.valueOf(REST_PORT),
            // The name the other nodes reach this one by (log links, calls between nodes).
            "SEATUNNEL_SIM_ADVERTISED_HOST", name,
            "SEATUNNEL_SIM_HZ_MEMBERS", memberList,
            "SEATUNNEL_SIM_HZ_CLUSTER_NAME", CLUSTER_NAME,
            "SEATUNNEL_SIM_NODE_NAME", name))
        .withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger("container." + name)))
        .waitingFor(Wait.forHttp("/hazelcast/health/ready").forPort(REST_PORT).forStatusCode(200))
        .withStartupTimeout(STARTUP_TIMEOUT);
  }

  /** Images and member config in use, for logs. */
  @Override
  public String toString() {
    return memberCount + " member(s) of " + hazelcastImage + ", " + nodeCount + " node(s) of " + nodeImage
        + ", member config " + (memberConfig.isEmpty() ? "of the image" : memberConfig);
  }

  /** http://host:port of node {@code index} (0-based), as the test process reaches it. */
  public String restUrl(int index) {
    GenericContainer<?> node = nodes.get(index);
    return "http://" + node.getHost() + ":" + node.getMappedPort(REST_PORT);
  }

  public List<GenericContainer<?>> nodes() {
    return List.copyOf(nodes);
  }

  /** Stops the nodes, then the members, then removes the network; safe to call twice. */
  @Override
  public void close() {
    nodes.forEach(GenericContainer::stop);
    members.forEach(GenericContainer::stop);
    nodes.clear();
    members.clear();
    if (network != null) {
      network.close();
      network = null;
    }
  }

  /** config/hazelcast-member.yaml of the simulator's checkout when run inside one (as examples/java is), else "". */
  private static String checkoutMemberConfig() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("config").resolve("hazelcast-member.yaml");
      if (Files.isRegularFile(candidate)) return candidate.toString();
    }
    return "";
  }

  private static String setting(String property, String variable, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : value;
  }
}
