package io.github.harnessreactive.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.HarnessContext;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.TestHarness;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.exception.HarnessError;
import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import io.github.harnessreactive.core.exception.ServerErrorException;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The call layer on the client's scheduler, in virtual time: retries wait their backoff on it and
 * the deadline is measured on it, whether the call answers one value or a stream, so hours of
 * retries and deadlines are checked in milliseconds.
 */
class CallLayerTest {

  /** Far less than any wait of these tests: a timer on a real clock would fail them. */
  private static final Duration REAL_TIME_BOUND = Duration.ofSeconds(5);

  private final List<String> events = new CopyOnWriteArrayList<>();

  private CallLayer layer(RetryPolicy policy, Duration deadline, VirtualTimeScheduler clock) {
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }

      @Override
      public void onEvent(Observation.Event event, Observation.Context context) {
        events.add(event.getContextualName());
      }
    });
    Map<HarnessService, String> urls = new EnumMap<>(HarnessService.class);
    for (HarnessService service : HarnessService.values()) {
      urls.put(service, "https://app.harness.io");
    }
    ClientOptions options = new ClientOptions(urls, ApiKeyCredential.of(TestHarness.PAT), null, null, 1024, 1, 10,
        Duration.ofSeconds(1), null, null, null, registry, Duration.ofSeconds(1), Duration.ofMinutes(1), deadline, false,
        TestHarness.unlimited(), policy, clock, null, null, null, null);
    return new CallLayer(options, () -> false);
  }

  /** An attempt as the filters would record it for a GET (safe to repeat), then the body's outcome. */
  private static <T> Mono<T> asGet(Supplier<Mono<T>> outcome) {
    return Mono.deferContextual(context -> {
      CallState state = CallState.require(context);
      state.attempted(state.attempt().next("GET", URI.create("https://app.harness.io/ng/api/projects")));
      return outcome.get();
    });
  }

  private static ServerErrorException unavailable() {
    return new ServerErrorException(HarnessError.of(503, "Service Unavailable", "GET", "https://app.harness.io/x"));
  }

  @Test
  void aRetryWaitsItsBackoffOnTheClientsScheduler() {
    AtomicInteger attempts = new AtomicInteger();
    VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    CallLayer layer = layer(RetryPolicy.defaults().withBackoff(Duration.ofSeconds(10), Duration.ofSeconds(10)), null, clock);
    Mono<String> call = layer.mono(HarnessService.PLATFORM_NG,
        () -> asGet(() -> attempts.incrementAndGet() < 3 ? Mono.error(unavailable()) : Mono.just("done")));

    StepVerifier.withVirtualTime(() -> call, () -> clock, Long.MAX_VALUE)
        .expectSubscription()
        .thenAwait(Duration.ofSeconds(20))
        .expectNext("done")
        .expectComplete()
        .verify(REAL_TIME_BOUND);
    assertThat(attempts).hasValue(3);
    assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).startsWith("retry ").contains("after 503"));
  }

  @Test
  void theDeadlineIsMeasuredOnTheClientsSchedulerForOneValueAndForAStream() {
    VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    CallLayer layer = layer(RetryPolicy.none(), Duration.ofMinutes(5), clock);
    StepVerifier.withVirtualTime(() -> layer.mono(HarnessService.SEI_V1, Mono::never), () -> clock, Long.MAX_VALUE)
        .expectSubscription()
        .thenAwait(Duration.ofMinutes(5))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(HarnessTimeoutException.class)
            .satisfies(t -> assertThat(((HarnessTimeoutException) t).isDeadline()).isTrue())
            .hasMessageContaining("within its deadline of PT5M"))
        .verify(REAL_TIME_BOUND);

    VirtualTimeScheduler streamClock = VirtualTimeScheduler.create();
    CallLayer streamLayer = layer(RetryPolicy.none(), Duration.ofMinutes(5), streamClock);
    StepVerifier.withVirtualTime(() -> streamLayer.flux(HarnessService.SEI_V1,
            () -> Mono.delay(Duration.ofMinutes(6), streamClock).thenReturn("late")), () -> streamClock, Long.MAX_VALUE)
        .expectSubscription()
        .thenAwait(Duration.ofMinutes(5))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(HarnessTimeoutException.class)
            .hasMessageContaining("did not start its stream within its deadline"))
        .verify(REAL_TIME_BOUND);
  }

  @Test
  void aThirtyMinuteStreamWithGapsUnderTheIdleLimitCompletesAndOneLongerGapFailsIt() {
    VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    CallLayer layer = layer(RetryPolicy.none(), Duration.ofMinutes(5), clock); // idle limit: the response timeout, 1 min
    StepVerifier.withVirtualTime(() -> layer.flux(HarnessService.SEI_V2,
            () -> Flux.interval(Duration.ofSeconds(30), clock).take(60)), () -> clock, Long.MAX_VALUE)
        .expectSubscription()
        .thenAwait(Duration.ofMinutes(31))
        .expectNextCount(60)
        .expectComplete()
        .verify(REAL_TIME_BOUND);

    VirtualTimeScheduler gapClock = VirtualTimeScheduler.create();
    CallLayer gapLayer = layer(RetryPolicy.none(), Duration.ofMinutes(5), gapClock);
    StepVerifier.withVirtualTime(() -> gapLayer.flux(HarnessService.SEI_V2,
            () -> Flux.interval(Duration.ofSeconds(30), gapClock).take(10)
                .concatWith(Mono.delay(Duration.ofSeconds(90), gapClock))), () -> gapClock, Long.MAX_VALUE)
        .expectSubscription()
        .thenAwait(Duration.ofMinutes(10))
        .expectNextCount(10)
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(HarnessTimeoutException.class)
            .hasMessageContaining("sent nothing for PT1M while the consumer was waiting, after 10 item(s)"))
        .verify(REAL_TIME_BOUND);
  }

  @Test
  void aConsumerThatAsksForNothingForTenMinutesDoesNotTripTheIdleLimit() {
    VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    CallLayer layer = layer(RetryPolicy.none(), Duration.ofMinutes(5), clock);
    StepVerifier.withVirtualTime(() -> layer.flux(HarnessService.SEI_V2,
            () -> Flux.range(0, 5).concatMap(i -> Mono.delay(Duration.ofSeconds(10), clock).thenReturn(i), 1)),
            () -> clock, 1)
        .thenAwait(Duration.ofSeconds(10))
        .expectNext(0)
        .thenAwait(Duration.ofMinutes(10)) // the consumer is busy: nothing awaited, nothing counted
        .thenRequest(4)
        .thenAwait(Duration.ofMinutes(1))
        .expectNext(1, 2, 3, 4)
        .expectComplete()
        .verify(REAL_TIME_BOUND);
  }

  @Test
  void aCallsContextCanOverrideThePolicy() {
    AtomicInteger attempts = new AtomicInteger();
    VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    CallLayer layer = layer(RetryPolicy.defaults(), null, clock);
    Mono<String> call = layer.<String>mono(HarnessService.PLATFORM_NG, () -> asGet(() -> {
      attempts.incrementAndGet();
      return Mono.error(unavailable());
    })).contextWrite(HarnessContext.retryPolicy(RetryPolicy.none()));

    StepVerifier.withVirtualTime(() -> call, () -> clock, Long.MAX_VALUE)
        .expectSubscription()
        .expectError(ServerErrorException.class)
        .verify();
    assertThat(attempts).hasValue(1);
  }
}
