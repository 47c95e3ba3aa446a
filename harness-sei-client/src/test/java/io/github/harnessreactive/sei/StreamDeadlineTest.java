package io.github.harnessreactive.sei;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import io.github.harnessreactive.core.exception.ResponseDecodeException;
import io.github.harnessreactive.core.exception.RetryRefusal;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.github.harnessreactive.generated.sei.v2.model.ExportRequestDTO;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/**
 * Deadlines that fit a streamed body, in real time with shrunk values (deadline 1 s, response
 * timeout 500 ms), against a Reactor Netty server that controls exactly when each line is sent: a
 * stream longer than the deadline completes, a silence longer than the response timeout fails, a
 * consumer slower than the response timeout does not, and a connection lost part-way says how many
 * lines had arrived.
 */
class StreamDeadlineTest {

  private static final String REPORT = "/gateway/sei/api/v2/insights/teams/reports";
  private static final OffsetDateTime END = OffsetDateTime.parse("2026-10-01T00:00:00Z");
  private static final ExportRequestDTO QUARTER = new ExportRequestDTO().collectionId("42").dateStart(END.minusMonths(3))
      .dateEnd(END);

  private DisposableServer server;

  @AfterEach
  void stop() {
    server.disposeNow();
  }

  private SeiClient clientFor(Flux<String> body) {
    server = HttpServer.create().host("127.0.0.1").port(0)
        // The status and headers go at once; the lines follow as the test's publisher sends them.
        .route(routes -> routes.post(REPORT, (request, response) -> request.receive().then()
            .then(Mono.from(response.header("Content-Type", "text/csv").sendHeaders()))
            .then(Mono.from(response.sendString(body)))))
        .bindNow();
    return SeiClient.builder().apiKey(SeiFixtures.PAT).v2Url("http://127.0.0.1:" + server.port() + "/gateway/sei/api")
        .configure(builder -> builder.deadline(Duration.ofSeconds(1)).responseTimeout(Duration.ofMillis(500))
            .retryPolicy(RetryPolicy.none())
            .rateLimiter(TokenBucketRateLimiter.create(RateLimitOptions.defaults().withLimit(1000, Duration.ofSeconds(1)))))
        .build();
  }

  private static Flux<String> report(SeiClient client) {
    return client.v2().export().teamsReport("default", "proj", QUARTER);
  }

  @Test
  void aStreamLongerThanTheDeadlineCompletesWhileLinesKeepComing() {
    try (SeiClient client = clientFor(Flux.interval(Duration.ofMillis(100)).take(30).map(i -> "team" + i + "\n"))) {
      StepVerifier.create(report(client)).expectNextCount(30).expectComplete().verify(Duration.ofSeconds(10));
    }
  }

  @Test
  void aSilenceLongerThanTheResponseTimeoutWhileTheConsumerWaitsFailsTheStream() {
    Flux<String> stalls = Flux.just("team0\n", "team1\n").concatWith(Mono.delay(Duration.ofMillis(1500)).thenReturn("late\n"));
    try (SeiClient client = clientFor(stalls)) {
      StepVerifier.create(report(client))
          .expectNext("team0", "team1")
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(HarnessTimeoutException.class)
              .hasMessageContaining("sent nothing for PT0.5S while the consumer was waiting, after 2 item(s)"))
          .verify(Duration.ofSeconds(10));
    }
  }

  @Test
  void aConsumerSlowerThanTheResponseTimeoutDoesNotFailAStreamLargeEnoughToHoldReadingBack() {
    String line = "x".repeat(99) + "\n";
    long lines = 16L * 1024 * 1024 / line.length() + 1; // over 16 MB: reading stops while the consumer pauses
    AtomicInteger paused = new AtomicInteger();
    AtomicLong received = new AtomicLong();
    try (SeiClient client = clientFor(Flux.range(0, (int) lines).map(i -> line))) {
      StepVerifier.create(report(client)
              .concatMap(item -> paused.incrementAndGet() <= 3 ? Mono.delay(Duration.ofMillis(600)).thenReturn(item)
                  : Mono.just(item), 0)
              .doOnNext(item -> received.incrementAndGet()))
          .thenConsumeWhile(item -> true)
          .expectComplete()
          .verify(Duration.ofSeconds(30));
    }
    assertThat(received).hasValue(lines);
  }

  @Test
  void aConnectionLostAfterLinesArrivedSaysHowManyAndIsNotRepeated() {
    Flux<String> broken = Flux.just("team0\n", "team1\n", "team2\n")
        .concatWith(Mono.delay(Duration.ofMillis(50)).then(Mono.error(new IllegalStateException("the server fell over"))));
    try (SeiClient client = clientFor(broken)) {
      StepVerifier.create(report(client))
          .expectNext("team0", "team1", "team2")
          .expectErrorSatisfies(e -> {
            assertThat(e).isInstanceOf(ResponseDecodeException.class).hasMessageContaining("3 item(s) had arrived");
            assertThat(((ResponseDecodeException) e).retryRefusal()).map(RetryRefusal::emitted).contains(3L);
          })
          .verify(Duration.ofSeconds(10));
    }
  }

  @Test
  void aStreamThatDoesNotStartWithinTheDeadlineFails() {
    try (SeiClient client = clientFor(Mono.delay(Duration.ofMillis(1500)).thenReturn("team0\n").flux())) {
      StepVerifier.create(report(client))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(HarnessTimeoutException.class)
              .satisfies(t -> assertThat(((HarnessTimeoutException) t).isDeadline()).isTrue()))
          .verify(Duration.ofSeconds(10));
    }
  }
}
