package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.HarnessContext;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import io.github.harnessreactive.core.exception.TooManyRequestsException;
import io.github.harnessreactive.core.exception.UnauthorizedException;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import reactor.util.retry.Retry;
import reactor.util.context.ContextView;

/**
 * The layer around every logical call, whatever its number of HTTP attempts. In order, from the
 * inside out:
 *
 * <ol>
 *   <li>the generated call, assembled per subscription ({@code defer}), so its parameter checks and
 *       request building happen at subscription and fail through {@code onError};</li>
 *   <li>error mapping of the whole attempt, body decoding included ({@link ErrorMapper});</li>
 *   <li>on 401 with a refreshable credential: refresh, then one more attempt (a second 401 ends the
 *       call with {@link UnauthorizedException}); a stream that has already emitted is not repeated;</li>
 *   <li>the retry policy ({@link RetryPolicy}), around the attempts above: a throttled attempt pauses
 *       the credential's rate-limit partition, and a repeatable failure is repeated after the
 *       policy's wait, within the attempts allowed and the client's retry budget;</li>
 *   <li>the deadline of the logical call, all attempts together;</li>
 *   <li>one observation per logical call ({@code harness.client.call}), parent of the HTTP
 *       observations of its attempts, with low-cardinality tags only.</li>
 * </ol>
 */
public final class CallOperator {

  /** The name of the observation each logical call makes. */
  public static final String OBSERVATION = "harness.client.call";

  /**
   * The context key under which Micrometer (and WebClient, looking for a parent observation) keeps
   * the current observation: {@code ObservationThreadLocalAccessor.KEY}, written out so that
   * context-propagation need not be on the classpath.
   */
  static final String OBSERVATION_KEY = "micrometer.observation";

  private final ClientOptions options;
  private final BooleanSupplier closed;
  private final Scheduler timer;
  private final RetryBudget budget;
  private final RetryDecider decider = new RetryDecider(() -> ThreadLocalRandom.current().nextDouble());

  /**
   * @param options the client's options
   * @param closed whether the client has been closed; calls then fail at once
   */
  public CallOperator(ClientOptions options, BooleanSupplier closed) {
    this.options = options;
    this.closed = closed;
    this.timer = Schedulers.parallel();
    this.budget = new RetryBudget(options.retryPolicy().budgetCapacity(), options.retryPolicy().budgetRefillPerSuccess());
  }

  /** Applies the call layer to a call answering one value. */
  public <R> Mono<R> mono(HarnessService service, Supplier<? extends Mono<R>> call) {
    return Mono.deferContextual(context -> {
      if (closed.getAsBoolean()) {
        return Mono.error(clientClosed());
      }
      CallState state = newState(service, context);
      Mono<R> attempt = Mono.<R>defer(call).onErrorMap(e -> ErrorMapper.map(e, state));
      Mono<R> repeated = attempt.onErrorResume(UnauthorizedException.class, e -> refreshed(state, e).then(attempt));
      Mono<R> retried = repeated.retryWhen(retry(state, () -> true)).doOnSuccess(value -> budget.succeeded());
      Mono<R> bounded = options.deadline() == null ? retried
          : retried.timeout(options.deadline(), timer).onErrorMap(TimeoutException.class, e -> deadlinePassed(state, e));
      return observed(bounded, state);
    });
  }

  /** Applies the call layer to a call answering a stream of values. */
  public <R> Flux<R> flux(HarnessService service, Supplier<? extends Flux<R>> call) {
    return Flux.deferContextual(context -> {
      if (closed.getAsBoolean()) {
        return Flux.error(clientClosed());
      }
      CallState state = newState(service, context);
      AtomicBoolean emitted = new AtomicBoolean();
      Flux<R> attempt = Flux.<R>defer(call).onErrorMap(e -> ErrorMapper.map(e, state)).doOnNext(v -> emitted.set(true));
      Flux<R> repeated = attempt.onErrorResume(UnauthorizedException.class,
          e -> emitted.get() ? Flux.error(e) : refreshed(state, e).thenMany(attempt));
      Flux<R> retried = repeated.retryWhen(retry(state, () -> !emitted.get())).doOnComplete(budget::succeeded);
      Flux<R> bounded = options.deadline() == null ? retried : withDeadline(retried, state);
      return observedFlux(bounded, state);
    });
  }

  private static IllegalStateException clientClosed() {
    return new IllegalStateException("the HarnessClient is closed");
  }

  private CallState newState(HarnessService service, ContextView context) {
    HarnessContext overrides = HarnessContext.from(context);
    return new CallState(service.document(), overrides.credential().orElse(options.credential()), overrides);
  }

  /**
   * The retry layer: reports throttling to the rate limiter, then repeats what the policy allows.
   *
   * @param repeatable false once a stream has emitted (repeating it would duplicate items)
   */
  private Retry retry(CallState state, BooleanSupplier repeatable) {
    RetryPolicy policy = state.overrides().retryPolicy().orElse(options.retryPolicy());
    return Retry.from(signals -> signals.concatMap(signal -> {
      Throwable failure = signal.failure();
      if (failure instanceof TooManyRequestsException throttled) {
        options.rateLimiter().throttled(state.credential().identity(), throttled.error().retryAfter());
      }
      RetryDecider.Decision decision = repeatable.getAsBoolean()
          ? decider.decide(failure, state.retrySafe(), signal.totalRetries(), policy, budget)
          : RetryDecider.Decision.no("already emitted");
      if (!decision.retry()) {
        return Mono.error(failure);
      }
      state.observation().event(Observation.Event.of("harness.retry", "retry " + (signal.totalRetries() + 1)
          + " after " + decision.reason() + " in " + decision.delay().toMillis() + " ms"));
      return decision.delay().isZero() ? Mono.just(0L) : Mono.delay(decision.delay(), timer);
    }));
  }

  /** Refreshes a refreshable credential, or gives the 401 back. */
  private static Mono<Void> refreshed(CallState state, UnauthorizedException unauthorized) {
    return state.credential().isRefreshable() ? state.credential().refresh() : Mono.error(unauthorized);
  }

  /** Bounds a stream by one deadline for its whole life: each wait is limited by the time left. */
  private <R> Flux<R> withDeadline(Flux<R> flux, CallState state) {
    long deadlineMillis = timer.now(TimeUnit.MILLISECONDS) + options.deadline().toMillis();
    return flux
        .timeout(Mono.defer(() -> remaining(deadlineMillis)), value -> Mono.defer(() -> remaining(deadlineMillis)))
        .onErrorMap(TimeoutException.class, e -> deadlinePassed(state, e));
  }

  private Mono<Long> remaining(long deadlineMillis) {
    return Mono.delay(Duration.ofMillis(Math.max(0, deadlineMillis - timer.now(TimeUnit.MILLISECONDS))), timer);
  }

  private HarnessTimeoutException deadlinePassed(CallState state, Throwable cause) {
    return new HarnessTimeoutException("the call " + state.operationId() + " did not finish within its deadline of "
        + options.deadline() + " (" + state.attempts() + " attempt(s))", true, cause);
  }

  private <R> Mono<R> observed(Mono<R> mono, CallState state) {
    ObservationRegistry registry = options.observationRegistry();
    return Mono.defer(() -> {
      Observation observation = start(registry, state);
      state.observation(observation);
      return mono
          .doOnError(observation::error)
          .doFinally(signal -> stop(observation, state, signal))
          .contextWrite(context -> withObservation(context, observation, state));
    });
  }

  private <R> Flux<R> observedFlux(Flux<R> flux, CallState state) {
    ObservationRegistry registry = options.observationRegistry();
    return Flux.defer(() -> {
      Observation observation = start(registry, state);
      state.observation(observation);
      return flux
          .doOnError(observation::error)
          .doFinally(signal -> stop(observation, state, signal))
          .contextWrite(context -> withObservation(context, observation, state));
    });
  }

  private static Observation start(ObservationRegistry registry, CallState state) {
    return Observation.createNotStarted(OBSERVATION, registry)
        .lowCardinalityKeyValue("harness.service", state.document())
        .start();
  }

  private static void stop(Observation observation, CallState state, SignalType signal) {
    observation.lowCardinalityKeyValue("harness.operation", state.operationId());
    observation.lowCardinalityKeyValue("outcome", outcome(signal, state));
    observation.stop();
  }

  private static String outcome(SignalType signal, CallState state) {
    return switch (signal) {
      case ON_COMPLETE -> "SUCCESS";
      case CANCEL -> "CANCELLED";
      default -> state.lastStatus() >= 500 ? "SERVER_ERROR" : state.lastStatus() >= 400 ? "CLIENT_ERROR" : "ERROR";
    };
  }

  private static Context withObservation(Context context, Observation observation, CallState state) {
    return context.put(OBSERVATION_KEY, observation).put(state.key(), state);
  }
}
