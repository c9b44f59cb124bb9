package example.seatunnelsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One Hazelcast member and two simulator nodes: a job submitted on node 1 is read on node 2 (the
 * nodes share job state through the member only), and a job SeaTunnel would refuse is refused.
 */
@Timeout(300)
class JobAcrossNodesTest {
  private static final String BATCH_JOB = """
      {
        "env": {"job.mode": "BATCH"},
        "source": [{"plugin_name": "FakeSource", "plugin_output": "fake", "row.num": 100,
                    "schema": {"fields": {"name": "string", "age": "int"}}}],
        "sink": [{"plugin_name": "Console", "plugin_input": ["fake"]}]
      }""";

  private static SeaTunnelSimCluster cluster;
  private static SeaTunnelRest node1;
  private static SeaTunnelRest node2;

  @BeforeAll
  static void startCluster() throws Exception {
    Instant start = Instant.now();
    cluster = new SeaTunnelSimCluster(1, 2).start();
    System.out.printf("cluster (1 member, 2 nodes) ready in %d ms: %s %s (%s)%n",
        Duration.between(start, Instant.now()).toMillis(), cluster.restUrl(0), cluster.restUrl(1), cluster);
    node1 = new SeaTunnelRest(cluster.restUrl(0));
    node2 = new SeaTunnelRest(cluster.restUrl(1));
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) cluster.close();
  }

  @Test
  void jobSubmittedOnNode1FinishesAndIsReadOnNode2() throws Exception {
    assertNotEquals(cluster.restUrl(0), cluster.restUrl(1), "two nodes, two addresses");

    SeaTunnelRest.Answer submitted = node1.submitJob("java_example", SeaTunnelRest.json(BATCH_JOB));
    assertEquals(200, submitted.status(), () -> "submit-job: " + submitted.body());
    JsonNode jobIdNode = submitted.body().path("jobId");
    // Job ids are 64-bit: SeaTunnel's v2 API writes them as strings.
    assertTrue(jobIdNode.isTextual() && jobIdNode.asText().matches("\\d+"), () -> "jobId: " + submitted.body());
    assertEquals("java_example", submitted.body().path("jobName").asText());
    String jobId = jobIdNode.asText();

    JsonNode info = null;
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      SeaTunnelRest.Answer answer = node2.jobInfo(jobId);
      assertEquals(200, answer.status(), () -> "job-info on node 2: " + answer.body());
      info = answer.body();
      if ("FINISHED".equals(info.path("jobStatus").asText())) break;
      Thread.sleep(500);
    }
    JsonNode finalInfo = info;
    assertEquals("FINISHED", info.path("jobStatus").asText(), () -> "job-info on node 2 after 60 s: " + finalInfo);
    assertEquals(jobId, info.path("jobId").asText());
    assertEquals("java_example", info.path("jobName").asText());
    // Counters are strings in SeaTunnel's answers, not numbers.
    JsonNode metrics = info.path("metrics");
    assertTrue(metrics.path("SourceReceivedCount").isTextual(), () -> "metrics: " + metrics);
    assertEquals("100", metrics.path("SourceReceivedCount").asText());
    assertTrue(metrics.path("SinkWriteCount").isTextual(), () -> "metrics: " + metrics);
    assertEquals("100", metrics.path("SinkWriteCount").asText());

    // Back on node 1, the finished list names it (the listing the refused job must stay out of).
    SeaTunnelRest.Answer finished = node1.get("/finished-jobs/FINISHED");
    assertEquals(200, finished.status(), () -> "finished-jobs: " + finished.body());
    JsonNode jobs = finished.body().isArray() ? finished.body() : finished.body().path("data");
    boolean listed = false;
    for (JsonNode job : jobs) {
      listed |= jobId.equals(job.path("jobId").asText()) && "java_example".equals(job.path("jobName").asText());
    }
    assertTrue(listed, () -> "finished-jobs on node 1: " + finished.body());
  }

  @Test
  void everyNodeCountsBothWorkers() throws Exception {
    for (SeaTunnelRest node : new SeaTunnelRest[] {node1, node2}) {
      SeaTunnelRest.Answer overview = node.get("/overview");
      assertEquals(200, overview.status(), () -> "overview: " + overview.body());
      // The nodes know of each other only through the Hazelcast member; the count is a string.
      assertTrue(overview.body().path("workers").isTextual(), () -> "overview: " + overview.body());
      assertEquals("2", overview.body().path("workers").asText(), () -> "overview: " + overview.body());
    }
  }

  @Test
  void unknownPluginIsRefusedWithSeaTunnelsMessage() throws Exception {
    JsonNode job = SeaTunnelRest.json(BATCH_JOB.replace("\"FakeSource\"", "\"NoSuchSource\""));
    SeaTunnelRest.Answer refused = node1.submitJob("java_example_unknown_plugin", job);

    assertEquals(500, refused.status(), () -> "submit-job: " + refused.body());
    assertEquals("fail", refused.body().path("status").asText(), () -> "body: " + refused.body());
    String message = refused.body().path("message").asText();
    assertTrue(message.contains(
            "Plugin PluginIdentifier{engineType='seatunnel', pluginType='source', pluginName='NoSuchSource'} not found."),
        () -> "message: " + message);

    // Refused before anything is stored: no node lists the job, running or finished.
    for (String path : new String[] {"/running-jobs", "/finished-jobs"}) {
      SeaTunnelRest.Answer listing = node2.get(path);
      assertEquals(200, listing.status(), () -> path + ": " + listing.body());
      assertFalse(listing.body().toString().contains("java_example_unknown_plugin"), () -> path + ": " + listing.body());
    }
  }
}
