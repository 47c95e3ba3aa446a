package io.github.harnessreactive.sei.v2;

import io.github.harnessreactive.core.paging.PageFetcher;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Where one domain's export jobs are in its generated API: the calls that start a job, ask for its
 * status, download its file and list the jobs, and how to read a job's id and status from the
 * answers. {@link ExportJobs#bind} turns it into the domain's facade.
 *
 * @param kind the kind of export, for messages ({@code productivity export})
 * @param create starts a job in a project
 * @param createdId the job's id in the answer to {@code create}
 * @param status asks for a job's status by its id
 * @param state reads the status and the failure reason from the status answer
 * @param download asks for a job's file by its id
 * @param listOperation the list operation's id, for the pager
 * @param itemType an item of the list
 * @param list asks for one page of the list
 * @param <A> the generated API
 * @param <Q> the request that describes an export
 * @param <C> the answer to starting a job
 * @param <S> the status answer
 * @param <I> an item of the list
 */
record ExportEndpoints<A, Q, C, S, I>(String kind, Create<A, Q, C> create, Function<C, String> createdId,
    BiFunction<A, String, Mono<S>> status, Function<S, ExportJobFlow.State> state,
    BiFunction<A, String, WebClient.ResponseSpec> download, String listOperation, Class<I> itemType,
    PageFetcher<A> list) {

  /** Starts a job in a project. */
  @FunctionalInterface
  interface Create<A, Q, C> {
    Mono<C> create(A api, String org, String project, Q request);
  }
}
