package io.github.harnessreactive.sei;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.harnessreactive.sei.SeiFixtures.ACCOUNT;
import static io.github.harnessreactive.sei.SeiFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.generated.sei.v2.model.DateRange;
import io.github.harnessreactive.generated.sei.v2.model.EfficiencyExportRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.ExportRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.ExportScope;
import io.github.harnessreactive.generated.sei.v2.model.MetricsExportRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.SprintExportRequestDTO;
import io.github.harnessreactive.sei.v2.ExportJobFailedException;
import io.github.harnessreactive.sei.v2.ExportJobTimeoutException;
import io.github.harnessreactive.sei.v2.ExportOptions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Export jobs over HTTP, their waits in virtual time: a job pending for a few polls and then done
 * streams every line of its file; a failed job and one stuck past the bound end in typed errors
 * naming the job; cancelling while the job is polled stops the requests. Each poll is a real
 * request to the stub; the clock is moved only once the next wait has been scheduled, so no wait
 * is skipped.
 */
class ExportJobsTest {

  static final String JOB = "6f1c2d3e-4b5a-4978-8a9b-0c1d2e3f4a5b";
  static final Duration REAL_TIME_BOUND = Duration.ofSeconds(20);

  @RegisterExtension
  static WireMockExtension sei = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final SeiClient client = SeiFixtures.client(sei);
  private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
  // Polls after 2 s, 4 s, 8 s, 16 s, then every 30 s; at most 45 s of waiting.
  private final ExportOptions options = ExportOptions.defaults().withTimer(clock)
      .withPolling(Duration.ofSeconds(2), Duration.ofSeconds(30)).withMaxWait(Duration.ofSeconds(45));

  @AfterEach
  void tearDown() {
    client.close();
    clock.dispose();
  }

  @Test
  void aJobPendingForAFewPollsThenDoneStreamsEveryLineOfItsFile() {
    String base = "/v2/insights/async-exports";
    sei.stubFor(post(urlPathEqualTo(base)).willReturn(json(200, job("QUEUED"))));
    statuses(base + "/" + JOB, "QUEUED", "PROCESSING", "PROCESSING", "COMPLETED");
    String csv = IntStream.range(0, 5_000).mapToObj(i -> "team" + i + ",2026-Q3," + i)
        .collect(Collectors.joining("\n", "team,quarter,value\n", "\n"));
    sei.stubFor(get(urlPathEqualTo(base + "/" + JOB + "/download"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/csv").withBody(csv)));
    ExportRequestDTO request = new ExportRequestDTO().collectionId("42")
        .dateStart(OffsetDateTime.parse("2026-07-01T00:00:00Z")).dateEnd(OffsetDateTime.parse("2026-10-01T00:00:00Z"));

    StepVerifier.create(client.v2().exports().insights("default", "proj", request, options))
        .then(() -> wait(2, Duration.ofSeconds(2)))    // the bound and the first wait are scheduled: poll 1
        .then(() -> wait(3, Duration.ofSeconds(4)))    // QUEUED: poll 2
        .then(() -> wait(4, Duration.ofSeconds(8)))    // PROCESSING: poll 3
        .then(() -> wait(5, Duration.ofSeconds(16)))   // PROCESSING: poll 4 says COMPLETED
        .expectNext("team,quarter,value")
        .expectNextCount(5_000)
        .verifyComplete();

    sei.verify(1, postRequestedFor(urlPathEqualTo(base)).withQueryParam("accountId", equalTo(ACCOUNT))
        .withQueryParam("orgIdentifier", equalTo("default")).withQueryParam("projectIdentifier", equalTo("proj")));
    sei.verify(4, getRequestedFor(urlPathEqualTo(base + "/" + JOB)).withQueryParam("accountId", equalTo(ACCOUNT)));
    sei.verify(1, getRequestedFor(urlPathEqualTo(base + "/" + JOB + "/download")));
  }

  @Test
  void aJobThatFailsIsATypedErrorNamingTheJobAndSeisReason() {
    String base = "/v2/insights/productivity/exports";
    sei.stubFor(post(urlPathEqualTo(base)).willReturn(json(200, "{\"exportId\":\"exp_7a8b\",\"status\":\"queued\"}")));
    sei.stubFor(get(urlPathEqualTo(base + "/exp_7a8b")).inScenario("job").whenScenarioStateIs(STARTED)
        .willReturn(json(200, "{\"exportId\":\"exp_7a8b\",\"status\":\"processing\"}")).willSetStateTo("failed"));
    sei.stubFor(get(urlPathEqualTo(base + "/exp_7a8b")).inScenario("job").whenScenarioStateIs("failed")
        .willReturn(json(200, "{\"exportId\":\"exp_7a8b\",\"status\":\"failed\","
            + "\"error\":{\"code\":\"NO_DATA\",\"message\":\"no team data in the date range\"}}")));

    StepVerifier.create(client.v2().exports().productivity().export("default", "proj", productivity(), options))
        .then(() -> wait(2, Duration.ofSeconds(2)))
        .then(() -> wait(3, Duration.ofSeconds(4)))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ExportJobFailedException.class)
            .hasMessage("productivity export job exp_7a8b ended with status failed: no team data in the date range")
            .satisfies(failed -> assertThat(((ExportJobFailedException) failed).jobId()).contains("exp_7a8b")))
        .verify(REAL_TIME_BOUND);

    sei.verify(0, getRequestedFor(urlPathEqualTo(base + "/exp_7a8b/download")));
  }

  @Test
  void aJobStuckInAnUnknownStatusPastTheBoundIsATypedErrorNamingTheJob() {
    String base = "/v2/insights/sprints/exports";
    sei.stubFor(post(urlPathEqualTo(base)).willReturn(json(202, "{\"exportId\":\"exp_s1\"}")));
    sei.stubFor(get(urlPathEqualTo(base + "/exp_s1")).willReturn(json(200, "{\"exportId\":\"exp_s1\",\"status\":\"RENDERING\"}")));

    StepVerifier.create(client.v2().exports().sprints().export("default", "proj", sprints(), options))
        .then(() -> wait(2, Duration.ofSeconds(2)))    // t = 2 s
        .then(() -> wait(3, Duration.ofSeconds(4)))    // t = 6 s
        .then(() -> wait(4, Duration.ofSeconds(8)))    // t = 14 s
        .then(() -> wait(5, Duration.ofSeconds(16)))   // t = 30 s; the next poll would be at 60 s
        .then(() -> wait(6, Duration.ofSeconds(15)))   // t = 45 s: the bound
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ExportJobTimeoutException.class)
            .hasMessage("sprint export job exp_s1 did not finish within PT45S: it stayed in status 'RENDERING', which"
                + " the client does not know (ExportOptions.withStatuses)"))
        .verify(REAL_TIME_BOUND);

    sei.verify(4, getRequestedFor(urlPathEqualTo(base + "/exp_s1")));
  }

  @Test
  void cancellingWhileTheJobIsPolledStopsTheRequests() {
    String base = "/v2/insights/efficiency/exports";
    sei.stubFor(post(urlPathEqualTo(base)).willReturn(json(200, "{\"exportId\":\"exp_e1\"}")));
    sei.stubFor(get(urlPathEqualTo(base + "/exp_e1")).willReturn(json(200, "{\"exportId\":\"exp_e1\",\"status\":\"PROCESSING\"}")));
    EfficiencyExportRequestDTO request = new EfficiencyExportRequestDTO().dateRange(range()).metricGroups(List.of("df"));

    StepVerifier.create(client.v2().exports().efficiency().export("default", "proj", request,
            options.withMaxWait(Duration.ofHours(1))))
        .then(() -> wait(2, Duration.ofSeconds(2)))
        .then(() -> wait(3, Duration.ofSeconds(4)))
        .then(() -> awaitTasks(4))                     // poll 2 answered, poll 3 waiting
        .thenCancel()
        .verify(REAL_TIME_BOUND);
    clock.advanceTimeBy(Duration.ofHours(2));

    sei.verify(2, getRequestedFor(urlPathEqualTo(base + "/exp_e1")));
  }

  /** Once {@code tasks} waits have been scheduled on the clock (the next one included), moves it on. */
  private void wait(int tasks, Duration by) {
    awaitTasks(tasks);
    clock.advanceTimeBy(by);
  }

  /** Waits, in real time, until the flow has scheduled this many timers: its next wait is then set. */
  private void awaitTasks(int tasks) {
    long deadline = System.nanoTime() + REAL_TIME_BOUND.toNanos();
    while (clock.getScheduledTaskCount() < tasks) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + clock.getScheduledTaskCount() + " timers scheduled, expected " + tasks);
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  private static void statuses(String path, String... statuses) {
    for (int i = 0; i < statuses.length; i++) {
      sei.stubFor(get(urlPathEqualTo(path)).inScenario("job").whenScenarioStateIs(i == 0 ? STARTED : "poll" + i)
          .willReturn(json(200, job(statuses[i]))).willSetStateTo("poll" + (i + 1)));
    }
  }

  private static String job(String status) {
    return "{\"id\":\"" + JOB + "\",\"name\":\"quarterly\",\"status\":\"" + status + "\"}";
  }

  private static DateRange range() {
    return new DateRange().start("2026-07-01").end("2026-09-30");
  }

  private static MetricsExportRequestDTO productivity() {
    return new MetricsExportRequestDTO().dateRange(range()).scope(new ExportScope().teamId("7"));
  }

  private static SprintExportRequestDTO sprints() {
    return new SprintExportRequestDTO().dateRange(range());
  }
}
