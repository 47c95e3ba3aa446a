package io.github.harnessreactive.sei.v2;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;
import static io.github.harnessreactive.core.Identifiers.requirePathValue;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.sei.SeiErrors;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The export jobs of one SEI 2.0 domain (productivity, sprints, efficiency, business alignment,
 * ticket data), as one stream: {@link #export} starts a job, waits for it and streams its CSV file
 * line by line. Thread-safe.
 *
 * <pre>{@code
 * sei.v2().exports().productivity().export("default", "proj", request)
 *     .subscribe(line -> ...);                    // the header line first
 * }</pre>
 *
 * <p>The wait polls the job's status, each poll its own call, at growing intervals, for at most
 * {@link ExportOptions#maxWait()}; a job that ends without a file fails with
 * {@link ExportJobFailedException}, one still working (or in a status the client does not know)
 * past the bound with {@link ExportJobTimeoutException}, both naming the job. Cancelling stops the
 * polling, or closes the download. The download streams as the teams report does: the client's
 * deadline bounds the time to its first line, after it only a gap longer than the response
 * timeout while the consumer waits fails it, and it is never buffered whole.
 *
 * @param <Q> the request that describes the export
 * @param <S> the job's status answer
 * @param <I> an item of the domain's export list
 */
public final class ExportJobs<Q, S, I> {

  /** Starts a job in a project and answers its id. */
  @FunctionalInterface
  private interface Start<Q> {
    Mono<String> start(String org, String project, Q request);
  }

  private final Start<Q> start;
  private final Function<String, Mono<S>> status;
  private final ExportJobFlow<S> flow;
  private final Supplier<PagedFlux<I>> list;

  private ExportJobs(Start<Q> start, Function<String, Mono<S>> status, ExportJobFlow<S> flow, Supplier<PagedFlux<I>> list) {
    this.start = start;
    this.status = status;
    this.flow = flow;
    this.list = list;
  }

  /**
   * The facade of one domain's export jobs: each call of its endpoints through the client (its
   * credentials, retries, deadline, typed errors), SEI's meaning of 403 added.
   */
  static <A, Q, C, S, I> ExportJobs<Q, S, I> bind(HarnessApi<A> api, ExportEndpoints<A, Q, C, S, I> endpoints) {
    Function<String, Mono<S>> status =
        id -> api.call(a -> endpoints.status().apply(a, id)).onErrorMap(SeiErrors::forbidden);
    ExportJobFlow<S> flow = new ExportJobFlow<>(endpoints.kind(), status, endpoints.state(),
        id -> api.callMany(a -> endpoints.download().apply(a, id).bodyToFlux(String.class))
            .onErrorMap(SeiErrors::forbidden));
    return new ExportJobs<>(
        (org, project, request) -> api.call(a -> endpoints.create().create(a, org, project, request))
            .onErrorMap(SeiErrors::forbidden).mapNotNull(endpoints.createdId()),
        status, flow,
        () -> api.paged(endpoints.listOperation(), endpoints.itemType(), List.of(), endpoints.list())
            .mapErrors(SeiErrors::forbidden));
  }

  /**
   * Exports with {@link ExportOptions#defaults()}: starts a job, waits for its file, streams it.
   *
   * @param org the organization identifier
   * @param project the project identifier
   * @param request what to export
   * @return the file's lines, the header first; nothing is started before subscription
   * @throws IllegalArgumentException when {@code org} or {@code project} is not a Harness identifier
   * @throws NullPointerException when an argument is {@code null}
   */
  public Flux<String> export(String org, String project, Q request) {
    return export(org, project, request, ExportOptions.defaults());
  }

  /**
   * Exports: starts a job (each subscription starts one), waits for its file as {@code options}
   * say, streams it.
   *
   * @param org the organization identifier
   * @param project the project identifier
   * @param request what to export
   * @param options how the job is waited for
   * @return the file's lines, the header first; nothing is started before subscription
   * @throws IllegalArgumentException when {@code org} or {@code project} is not a Harness identifier
   * @throws NullPointerException when an argument is {@code null}
   */
  public Flux<String> export(String org, String project, Q request, ExportOptions options) {
    requireIdentifier(org, "org");
    requireIdentifier(project, "project");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(options, "options");
    return flow.run(Mono.defer(() -> start.start(org, project, request)), options);
  }

  /**
   * The file of a job started earlier (by {@link #export}, another process, or SEI's UI), once it
   * is done: waits for it as {@link ExportOptions#defaults()} say, then streams it.
   *
   * @param exportId the job's id
   * @return the file's lines
   * @throws IllegalArgumentException when {@code exportId} is blank, {@code .} or {@code ..}
   * @throws NullPointerException when {@code exportId} is {@code null}
   */
  public Flux<String> download(String exportId) {
    return download(exportId, ExportOptions.defaults());
  }

  /**
   * The file of a job started earlier, once it is done, waiting for it as {@code options} say.
   *
   * @param exportId the job's id
   * @param options how the job is waited for
   * @return the file's lines
   * @throws IllegalArgumentException when {@code exportId} is blank, {@code .} or {@code ..}
   * @throws NullPointerException when an argument is {@code null}
   */
  public Flux<String> download(String exportId, ExportOptions options) {
    requirePathValue(exportId, "exportId");
    Objects.requireNonNull(options, "options");
    return flow.resume(exportId, options);
  }

  /**
   * Where a job stands now: one call, no waiting.
   *
   * @param exportId the job's id
   * @throws IllegalArgumentException when {@code exportId} is blank, {@code .} or {@code ..}
   * @throws NullPointerException when {@code exportId} is {@code null}
   */
  public Mono<S> status(String exportId) {
    requirePathValue(exportId, "exportId");
    return Mono.defer(() -> status.apply(exportId));
  }

  /** The domain's export jobs, newest first as SEI lists them, streamed page by page. */
  public PagedFlux<I> list() {
    return list.get();
  }
}
