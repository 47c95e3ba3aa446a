package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.HarnessContext;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.exception.HarnessException;
import io.github.harnessreactive.core.exception.HarnessTimeoutException;
import io.github.harnessreactive.core.exception.RetryRefusal;
import io.github.harnessreactive.core.exception.TooManyRequestsException;
import io.github.harnessreactive.core.exception.UnauthorizedException;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.micrometer.observation.Observation;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
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
 *       retry budget; a stream that has already emitted is not repeated; a retryable failure that
 *       is not repeated says why ({@code HarnessException.retryRefusal()});</li>
 *   <li>the deadline of the logical call, all attempts together: for a call answering one value,
 *       the whole call; for a stream, the time to its first value, and after it the longest gap
 *       with no value while the subscriber waits for one ({@link CallTimeouts});</li>
 *   <li>one observation per logical call ({@code harness.client.call}), parent of the HTTP
 *       observations of its attempts, with low-cardinality tags only, and the call's
 *       {@link CallEvents} as its events.</li>
 * </ol>
 *
 * <p>Timers (backoff, deadline) run on the client's scheduler, so tests can drive them in virtual
 * time. Public for {@code HarnessApi}, in another package of the runtime; not API.
 */
public final class CallLayer implements AutoCloseable {

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
  private final ClientMeters meters;
  private final TokenSigner tokenSigner;
  private final RetryDecider decider = new RetryDecider(() -> ThreadLocalRandom.current().nextDouble());

  /**
   * @param options the client's options
   * @param closed whether the client has been closed; calls then fail at once
   */
  CallLayer(ClientOptions options, BooleanSupplier closed) {
    this.options = options;
    this.closed = closed;
    this.timer = options.scheduler();
    this.budget = new RetryBudget(options.retryPolicy().budget());
    this.meters = new ClientMeters(options.meterRegistry(), options.meterName(), budget);
    this.tokenSigner = TokenSigner.of(options.continuationTokenKey());
  }

  /**
   * Applies the call layer to a call answering one value: the deadline bounds the whole call.
   *
   * @param service the service the call goes to
   * @param call builds the generated call; invoked at each subscription and each attempt
   */
  public <R> Mono<R> mono(HarnessService service, Supplier<? extends Mono<R>> call) {
    return call(service, call, Kind.ONE).singleOrEmpty();
  }

  /**
   * Applies the call layer to a call answering a stream of values, a body decoded as it arrives:
   * the deadline bounds the time to the first value; after it, a gap with no value while the
   * subscriber waits for one, longer than the response timeout, fails the stream.
   *
   * @param service the service the call goes to
   * @param call builds the generated call; invoked at each subscription and each attempt
   */
  public <R> Flux<R> flux(HarnessService service, Supplier<? extends Publisher<R>> call) {
    return call(service, call, Kind.STREAM);
  }

  /**
   * Applies the call layer to a stream whose every new attempt skips what earlier attempts
   * delivered, so that it may be repeated after values went out (a page whose items go out as
   * they arrive): timed as {@link #flux}, repeated as a call that delivered nothing. Skipping, and
   * checking that what is skipped is what was delivered, is the call's own work.
   *
   * @param service the service the call goes to
   * @param call builds the generated call; invoked at each subscription and each attempt
   */
  <R> Flux<R> resumableFlux(HarnessService service, Supplier<? extends Publisher<R>> call) {
    return call(service, call, Kind.RESUMABLE_STREAM);
  }

  /** How a call answers, which decides how it is timed and whether it is repeated after values went out. */
  private enum Kind {
    /** One value: the deadline bounds the whole call. */
    ONE,
    /** Values as they arrive: never repeated once one went out. */
    STREAM,
    /** Values as they arrive, each attempt skipping what went out: repeated as if none had. */
    RESUMABLE_STREAM
  }

  /** How large the pages of this client's listings and their items may be. */
  PageLimits pageLimits() {
    return options.pageLimits();
  }

  /** Signs and checks the continuation tokens of this client's listings. */
  TokenSigner tokenSigner() {
    return tokenSigner;
  }

  /** Removes the client's gauges from the registry. */
  @Override
  public void close() {
    meters.close();
  }

  private <R> Flux<R> call(HarnessService service, Supplier<? extends Publisher<R>> call, Kind kind) {
    boolean streamed = kind != Kind.ONE;
    // A resumable stream skips, on each attempt, what went out: for the retry rules nothing went out.
    boolean resumable = kind == Kind.RESUMABLE_STREAM;
    return Flux.deferContextual(context -> {
      if (closed.getAsBoolean()) {
        return Flux.error(new IllegalStateException("the HarnessClient is closed"));
      }
      HarnessContext overrides = HarnessContext.from(context);
      Observation observation = Observation.createNotStarted(OBSERVATION, options.observationRegistry())
          .lowCardinalityKeyValue("harness.service", service.document());
      CallState state = new CallState(service, overrides.credential().orElse(options.credential()), overrides,
          new CallEvents(observation), streamed);
      RetryPolicy policy = overrides.retryPolicy().orElse(options.retryPolicy());
      Duration deadline = overrides.deadline().orElse(options.deadline());
      Tally tally = new Tally();

      Flux<R> attempt = Flux.<R>defer(call).onErrorMap(e -> ErrorMapper.map(e, state)).doOnNext(value -> tally.emitted());
      Flux<R> refreshed = attempt.onErrorResume(UnauthorizedException.class,
          e -> !resumable && tally.hasEmitted() ? Flux.error(e) : refresh(state, e).thenMany(attempt));
      Flux<R> retried = refreshed.retryWhen(retry(state, policy, tally, resumable))
          .doOnComplete(() -> budget.succeeded(tally.lastRetryCost, tally.retries > 0));
      Flux<R> bounded = CallTimeouts.bound(retried, deadline, streamed ? options.responseTimeout() : null, timer,
          () -> deadlinePassed(state, deadline), emitted -> streamIdle(state, emitted));

      observation.start();
      // Stopped before the terminal signal goes downstream, so whoever sees the call end sees it observed;
      // once only: a consumer may cancel on the value a completing call hands over (a listing's last page).
      AtomicBoolean stopped = new AtomicBoolean();
      return bounded
          .doOnComplete(() -> stop(observation, state, SignalType.ON_COMPLETE, stopped))
          .doOnError(error -> {
            if (!stopped.get()) {
              observation.error(error);
            }
            stop(observation, state, SignalType.ON_ERROR, stopped);
          })
          .doOnCancel(() -> stop(observation, state, SignalType.CANCEL, stopped))
          .contextWrite(c -> state.writeTo(c.put(OBSERVATION_KEY, observation)));
    });
  }

  /** What one call's retries have done so far: written by its (serial) signals only. */
  private static final class Tally {
    private volatile long emitted;
    private volatile long retries;
    private volatile int lastRetryCost;

    void emitted() {
      emitted++;
    }

    boolean hasEmitted() {
      return emitted > 0;
    }
  }

  /**
   * The retry layer: reports throttling to the rate limiter, then repeats what the decider allows,
   * and says on the failure why a retryable one was not repeated.
   */
  private Retry retry(CallState state, RetryPolicy policy, Tally tally, boolean resumable) {
    return Retry.from(signals -> signals.concatMap(signal -> {
      Throwable failure = signal.failure();
      if (failure instanceof TooManyRequestsException throttled) {
        options.rateLimiter().throttled(state.credential().identity(), throttled.error().retryAfter());
      }
      RetryDecider.Decision decision = !resumable && tally.hasEmitted() && isRetryable(failure)
          ? RetryDecider.Decision.refused(RetryRefusal.Reason.ALREADY_EMITTED, "already emitted")
          : decider.decide(failure, state.retrySafe(), signal.totalRetries(), policy, budget);
      if (!decision.retry()) {
        if (decision.refusal() != null && failure instanceof HarnessException harness) {
          HarnessExceptionAccess.refused(harness,
              new RetryRefusal(decision.refusal(), (int) signal.totalRetries() + 1, tally.emitted));
          meters.retryDecided(state.document(), RetryDecider.reason(harness), decision.refusal());
        }
        return Mono.error(failure);
      }
      meters.retryDecided(state.document(), decision.reason(), null);
      tally.retries = signal.totalRetries() + 1;
      tally.lastRetryCost = decision.cost();
      state.events().retrying(signal.totalRetries() + 1, decision);
      return decision.delay().isZero() ? Mono.just(0L) : Mono.delay(decision.delay(), timer);
    }));
  }

  private static boolean isRetryable(Throwable failure) {
    return failure instanceof HarnessException harness && harness.isRetryable();
  }

  /**
   * Refreshes a refreshable credential, unless the header Harness refused is no longer the current
   * one (another call refreshed it meanwhile), or gives the 401 back.
   */
  private static Mono<Void> refresh(CallState state, UnauthorizedException unauthorized) {
    return state.credential().isRefreshable() ? state.credential().refresh(state.credentialSent()) : Mono.error(unauthorized);
  }

  private static HarnessTimeoutException deadlinePassed(CallState state, Duration deadline) {
    String what = state.streamed() ? "did not start its stream" : "did not finish";
    return new HarnessTimeoutException("the call " + state.operationId() + " " + what + " within its deadline of "
        + deadline + " (" + state.attempt().number() + " attempt(s))", true, null);
  }

  private HarnessTimeoutException streamIdle(CallState state, long emitted) {
    return new HarnessTimeoutException("the stream " + state.operationId() + " sent nothing for "
        + options.responseTimeout() + " while the consumer was waiting, after " + emitted + " item(s)", false, null);
  }

  private static void stop(Observation observation, CallState state, SignalType signal, AtomicBoolean stopped) {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
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
