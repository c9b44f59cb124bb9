package example.seatunnelsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small client of SeaTunnel's REST API v2 (the Zeta engine's web server: paths at the root, e.g.
 * {@code POST /submit-job}, {@code GET /job-info/{id}}), which the simulator serves on every node.
 * Answers are kept as JSON trees, so counters that SeaTunnel writes as strings ("100") stay strings.
 */
public final class SeaTunnelRest {
  /** Status and parsed body of one answer. */
  public record Answer(int status, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public SeaTunnelRest(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** POST /submit-job?jobName=... with the job config (SeaTunnel's JSON form) as the body. */
  public Answer submitJob(String jobName, JsonNode config) throws IOException, InterruptedException {
    String path = "/submit-job?jobName=" + URLEncoder.encode(jobName, StandardCharsets.UTF_8);
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config))));
  }

  /** GET /job-info/{jobId}. */
  public Answer jobInfo(String jobId) throws IOException, InterruptedException {
    return get("/job-info/" + jobId);
  }

  public Answer get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    String text = response.body();
    return new Answer(response.statusCode(), text.isEmpty() ? JSON.missingNode() : JSON.readTree(text));
  }

  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + text, e);
    }
  }
}
