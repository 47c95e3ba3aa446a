package io.github.harnessreactive.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page shapes of the coverage work on the wire, field by field as Harness writes them (not read
 * from the shape descriptions, so a description that names the wrong field fails here): the cursor
 * of the AI engineering lists (opaque, handed back, a forged one refused), {@code meta} of the
 * ingestion lists, the export lists' {@code pagination}, the bare array of the export jobs, the
 * activity log, the custom variables, and the MTTR drilldown whose records are spread over three
 * arrays.
 */
class SimulatorNewPageShapesTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String SEI = "/gateway/sei/api";

  @RegisterExtension
  static HarnessSimulatorExtension harness = new HarnessSimulatorExtension(SimulatorOptions.defaults().withState(false)
      .withDefaultListSize(23).withRequestLimit(0, Duration.ofMinutes(1)));

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aCursorListHandsOutAnOpaqueCursorAndReadsItBack() throws Exception {
    JsonNode first = get("/v2/ai-engineering/developers?limit=10");
    String cursor = first.at("/data/nextCursor").asString();
    assertThat(first.at("/data/items").size()).isEqualTo(10);
    assertThat(first.at("/data/totalCount").asInt()).isEqualTo(23);
    assertThat(cursor).as("opaque, not a page number").isNotBlank().doesNotMatch("\\d+");

    JsonNode second = get("/v2/ai-engineering/developers?limit=10&cursor=" + cursor);
    JsonNode third = get("/v2/ai-engineering/developers?limit=10&cursor=" + second.at("/data/nextCursor").asString());
    assertThat(second.at("/data/items").get(0)).isNotEqualTo(first.at("/data/items").get(0));
    assertThat(third.at("/data/items").size()).isEqualTo(3);
    assertThat(third.at("/data").has("nextCursor")).as("the last page hands out no cursor").isFalse();

    HttpResponse<String> forged = send("/v2/ai-engineering/developers?limit=10&cursor=page-2");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("cursor is not valid");
  }

  @Test
  void theIngestionListReportsItsPageInMeta() throws Exception {
    JsonNode last = get("/v2/external-data/7/ingestions?page=2&size=10");

    assertThat(last.at("/data").size()).isEqualTo(3);
    assertThat(last.at("/meta").toString()).contains("\"page\":2", "\"size\":10", "\"totalElements\":23",
        "\"totalPages\":3", "\"hasNext\":false", "\"first\":false", "\"last\":true", "\"hasPrevious\":true");
  }

  @Test
  void theExportListsReportTheirPageInPagination() throws Exception {
    JsonNode first = get("/v2/insights/productivity/exports?page=0&limit=10");

    assertThat(first.at("/exports").size()).isEqualTo(10);
    assertThat(first.at("/pagination").toString()).contains("\"page\":0", "\"limit\":10", "\"total\":23",
        "\"totalPages\":3", "\"hasMore\":true");
  }

  @Test
  void theExportJobListIsABareArrayWhoseShortPageIsTheLast() throws Exception {
    assertThat(get("/v2/insights/async-exports?accountId=a&page=1&size=10").size()).isEqualTo(10);
    assertThat(get("/v2/insights/async-exports?accountId=a&page=2&size=10").size()).isEqualTo(3);
  }

  @Test
  void theActivityLogAndTheCustomVariablesReportTheirTotals() throws Exception {
    JsonNode logs = get("/v2/activity-logs?pageIndex=1&pageSize=10");
    assertThat(logs.at("/records").size()).isEqualTo(10);
    assertThat(logs.at("/total").asInt()).isEqualTo(23);
    assertThat(logs.at("/pageIndex").asInt()).isEqualTo(1);

    JsonNode variables = get("/v2/custom-variables?orgIdentifier=o&projectIdentifier=p&page=2&pageSize=10");
    assertThat(variables.at("/customVariables").size()).isEqualTo(3);
    assertThat(variables.toString()).contains("\"pageIndex\":2", "\"pageSize\":10", "\"totalItems\":23",
        "\"totalPages\":3", "\"hasNext\":false", "\"hasPrevious\":true");
  }

  @Test
  void theMttrDrilldownSpreadsItsRecordsOverItsThreeArrays() throws Exception {
    JsonNode page = post("/v2/insights/efficiency/mttr/drilldown?account=a&orgIdentifier=o&projectIdentifier=p",
        "{\"teamRefId\":\"7\",\"page\":0,\"pageSize\":10}");

    assertThat(page.at("/imRecords").size()).isEqualTo(4);
    assertThat(page.at("/itsmRecords").size()).isEqualTo(3);
    assertThat(page.at("/itsmPagerDutyRecords").size()).isEqualTo(3);
    assertThat(page.at("/itsmPagerDutyRecords/0").has("incident_id")).as("its own record type").isTrue();
    assertThat(page.at("/pagination/totalItems").asInt()).isEqualTo(23);
    assertThat(page.at("/pagination/hasMore").asBoolean()).isTrue();
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response = send(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode post(String path, String body) throws Exception {
    HttpResponse<String> response = http.send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(harness.simulator().baseUrl() + SEI + path))
        .header("x-api-key", SimulatorOptions.DEMO_API_KEY).timeout(Duration.ofSeconds(10));
  }
}
