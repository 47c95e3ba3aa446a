package io.github.harnessreactive.sei;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.generated.sei.v2.model.ExportRequestDTO;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The teams report streams line by line: taking the first 1,000 lines of a 100,000-line report that
 * the server sends slowly (in 1,000 chunks over 20 s) ends in a fraction of that time, because
 * the client cancels and closes the connection instead of reading the rest.
 */
class ExportStreamingTest {

  @RegisterExtension
  static WireMockExtension sei = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void takingTheFirstThousandLinesCancelsTheDownload() {
    String report = IntStream.range(0, 100_000).mapToObj(i -> "team" + i + ",2026-Q3,deployments," + (i % 50))
        .collect(Collectors.joining("\n", "team,quarter,metric,value\n", "\n"));
    sei.stubFor(post(urlPathEqualTo("/v2/insights/teams/reports")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/csv").withBody(report).withChunkedDribbleDelay(1000, 20_000)));
    OffsetDateTime end = OffsetDateTime.parse("2026-10-01T00:00:00Z");
    ExportRequestDTO request = new ExportRequestDTO().name("quarterly").collectionId("42").granularity("MONTHLY")
        .dateStart(end.minusMonths(3)).dateEnd(end);

    long started = System.nanoTime();
    List<String> lines;
    try (SeiClient client = SeiFixtures.client(sei)) {
      lines = client.v2().export().teamsReport("default", "proj", request).take(1000).collectList().block(Duration.ofSeconds(30));
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(lines).hasSize(1000);
    assertThat(lines.get(0)).isEqualTo("team,quarter,metric,value");
    assertThat(lines.get(999)).isEqualTo("team998,2026-Q3,deployments,48");
    assertThat(elapsed).isLessThan(Duration.ofSeconds(6)); // the whole report would take 20 s
    System.out.printf("export: first 1,000 of 100,001 lines in %d ms (the full download takes 20,000 ms)%n", elapsed.toMillis());
  }
}
