package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.HarnessContext;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import io.github.harnessreactive.core.exception.TooManyRequestsException;
import io.github.harnessreactive.core.exception.UnauthorizedException;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.micrometer.observation.Observation;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * The layer around every logical call, whatever its number of HTTP attempts, written once for
 * calls answering one value and calls answering a stream. In order, from the inside out:
 *
 * <ol>
 *   <li>the generated call, assembled per subscription ({@code defer}), so its parameter checks and
 *       request building happen at subscription and fail through {@code onError};</li>
 *   <li>error mapping of the whole attempt, body decoding included ({@link ErrorMapper});</li>
 *   <li>on 401 with a refreshable credential: refresh, then one more attempt (a second 401 ends the
 *       call with {@link UnauthorizedException}); a stream that has already emitted is not repeated;</li>
 *   <li>the retry policy ({@link RetryPolicy}, decided by {@link RetryDecider}), around the attempts
 *       above: a throttled attempt pauses the credential's rate-limit partition, and a repeatable
 *       failure is repeated after the policy's wait, within the attempts allowed and the client's
 *       retry budget; a stream that has already emitted is not repeated;</li>
 *   <li>the deadline of the logical call, all attempts together;</li>
 *   <li>one observation per logical call ({@code harness.client.call}), parent of the HTTP
 *       observations of its attempts, with low-cardinality tags only, and the call's
 *       {@link CallEvents} as its events.</li>
 * </ol>
 *
 * <p>Timers (backoff, deadline) run on the client's scheduler, so tests can drive them in virtual
 * time. Public for {@code HarnessApi}, in another package of the runtime; not API.
 */
public final class CallLayer {

  /** The name of the observation each logical call makes. */
  public static final String OBSERVATION = "harness.client.call";

  /**
   * The context key under which Micrometer (and WebClient, looking for a parent observation) keeps
   * the current observation: {@code ObservationThreadLocalAccessor.KEY}, written out so that
   * context-propagation need not be on the classpath.
   */
  private static final String OBSERVATION_KEY = "micrometer.observation";

  private final ClientOptions options;
  private final BooleanSupplier closed;
  private final Scheduler timer;
  private final RetryBudget budget;
  private final RetryDecider decider = new RetryDecider(() -> ThreadLocalRandom.current().nextDouble());

  /**
   * @param options the client's options
   * @param closed whether the client has been closed; calls then fail at once
   */
  CallLayer(ClientOptions options, BooleanSupplier closed) {
    this.options = options;
    this.closed = closed;
    this.timer = options.scheduler();
    this.budget = new RetryBudget(options.retryPolicy().budgetCapacity(), options.retryPolicy().budgetRefillPerSuccess());
  }

  /**
   * Applies the call layer to a call answering one value: the stream form, with its single value.
   *
   * @param service the service the call goes to
   * @param call builds the generated call; invoked at each subscription and each attempt
   */
  public <R> Mono<R> mono(HarnessService service, Supplier<? extends Mono<R>> call) {
    return flux(service, call).singleOrEmpty();
  }

  /**
   * Applies the call layer to a call answering a stream of values.
   *
   * @param service the service the call goes to
   * @param call builds the generated call; invoked at each subscription and each attempt
   */
  public <R> Flux<R> flux(HarnessService service, Supplier<? extends Publisher<R>> call) {
    return Flux.deferContextual(context -> {
      if (closed.getAsBoolean()) {
        return Flux.error(new IllegalStateException("the HarnessClient is closed"));
      }
      HarnessContext overrides = HarnessContext.from(context);
      Observation observation = Observation.createNotStarted(OBSERVATION, options.observationRegistry())
          .lowCardinalityKeyValue("harness.service", service.document());
      CallState state = new CallState(service, overrides.credential().orElse(options.credential()), overrides,
          new CallEvents(observation));
      RetryPolicy policy = overrides.retryPolicy().orElse(options.retryPolicy());

      AtomicBoolean emitted = new AtomicBoolean();
      Flux<R> attempt = Flux.<R>defer(call).onErrorMap(e -> ErrorMapper.map(e, state))
          .doOnNext(value -> {
            if (!emitted.getPlain()) {
              emitted.set(true);
            }
          });
      Flux<R> refreshed = attempt.onErrorResume(UnauthorizedException.class,
          e -> emitted.get() ? Flux.error(e) : refresh(state, e).thenMany(attempt));
      Flux<R> retried = refreshed.retryWhen(retry(state, policy, () -> !emitted.get())).doOnComplete(budget::succeeded);
      Flux<R> bounded = options.deadline() == null ? retried : withDeadline(retried, state);

      observation.start();
      // Stopped before the terminal signal goes downstream, so whoever sees the call end sees it observed.
      return bounded
          .doOnComplete(() -> stop(observation, state, SignalType.ON_COMPLETE))
          .doOnError(error -> {
            observation.error(error);
            stop(observation, state, SignalType.ON_ERROR);
          })
          .doOnCancel(() -> stop(observation, state, SignalType.CANCEL))
          .contextWrite(c -> state.writeTo(c.put(OBSERVATION_KEY, observation)));
    });
  }

  /**
   * The retry layer: reports throttling to the rate limiter, then repeats what the policy allows.
   *
   * @param repeatable false once a stream has emitted (repeating it would duplicate items)
   */
  private Retry retry(CallState state, RetryPolicy policy, BooleanSupplier repeatable) {
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
      state.events().retrying(signal.totalRetries() + 1, decision);
      return decision.delay().isZero() ? Mono.just(0L) : Mono.delay(decision.delay(), timer);
    }));
  }

  /** Refreshes a refreshable credential, or gives the 401 back. */
  private static Mono<Void> refresh(CallState state, UnauthorizedException unauthorized) {
    return state.credential().isRefreshable() ? state.credential().refresh() : Mono.error(unauthorized);
  }

  /** Bounds a call by one deadline for its whole life: each wait is limited by the time left. */
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
        + options.deadline() + " (" + state.attempt().number() + " attempt(s))", true, cause);
  }

  private static void stop(Observation observation, CallState state, SignalType signal) {
    observation.lowCardinalityKeyValue("harness.operation", state.operationId());
    observation.lowCardinalityKeyValue("outcome", outcome(signal, state.attempt().status()));
    observation.stop();
  }

  private static String outcome(SignalType signal, int status) {
    return switch (signal) {
      case ON_COMPLETE -> "SUCCESS";
      case CANCEL -> "CANCELLED";
      default -> status >= 500 ? "SERVER_ERROR" : status >= 400 ? "CLIENT_ERROR" : "ERROR";
    };
  }
}
