package io.github.harnessreactive.sei.v2;

import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Start a job, wait until its status says it is done, stream its file: the flow every SEI 2.0
 * export job follows, whatever its domain. Each poll is its own call (with the client's retries and
 * deadline); the waits between polls grow as {@link ExportOptions} says and run on its timer, and
 * the whole wait is bounded by {@link ExportOptions#maxWait()}, never by a call's deadline.
 * Cancelling the stream cancels the wait or the poll in flight, so no further request is made.
 *
 * @param <S> the status answer of the job's domain
 */
final class ExportJobFlow<S> {

  /** A job's status as its domain's answer states it. */
  record State(String status, String reason) {
  }

  private final String kind;
  private final Function<String, Mono<S>> poll;
  private final Function<S, State> state;
  private final Function<String, Flux<String>> download;

  /**
   * @param kind the kind of export, for messages ({@code productivity export})
   * @param poll asks for the status of a job by its id
   * @param state reads the status and the failure reason from the answer
   * @param download streams the file of a job by its id, line by line
   */
  ExportJobFlow(String kind, Function<String, Mono<S>> poll, Function<S, State> state,
      Function<String, Flux<String>> download) {
    this.kind = kind;
    this.poll = poll;
    this.state = state;
    this.download = download;
  }

  /** The file of the job {@code start} creates, once it is done. */
  Flux<String> run(Mono<String> start, ExportOptions options) {
    return start.switchIfEmpty(Mono.error(() -> new ExportJobException(kind, null, null,
            "the answer to starting the " + kind + " named no job id")))
        .flatMapMany(id -> resume(id, options));
  }

  /** The file of an existing job, once it is done. */
  Flux<String> resume(String jobId, ExportOptions options) {
    Objects.requireNonNull(options, "options");
    return awaitDone(jobId, options).thenMany(Flux.defer(() -> download.apply(jobId)));
  }

  /** Polls until the job is done (its answer), failed, or the wait is over (both errors). */
  Mono<S> awaitDone(String jobId, ExportOptions options) {
    ExportJobStatuses statuses = options.statuses();
    AtomicReference<String> last = new AtomicReference<>();
    return Mono.defer(() -> poll.apply(jobId))
        .flatMap(answer -> {
          State current = state.apply(answer);
          last.set(current.status());
          if (statuses.isDone(current.status())) {
            return Mono.just(answer);
          }
          if (statuses.isFailed(current.status())) {
            return Mono.error(new ExportJobFailedException(kind, jobId, current.status(), current.reason()));
          }
          return Mono.<S>empty();
        })
        .repeatWhenEmpty(polls -> polls.concatMap(n -> Mono.delay(options.waitBeforePoll(n + 2), options.timer())))
        .delaySubscription(options.firstPoll(), options.timer())
        .timeout(options.maxWait(), options.timer())
        .onErrorMap(TimeoutException.class, timeout -> new ExportJobTimeoutException(kind, jobId, last.get(),
            statuses.isKnown(last.get()), options.maxWait()));
  }
}
