package io.github.harnessreactive.core;

import io.github.harnessreactive.core.internal.CallOperator;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A generated {@code *Api} class wired to the runtime: the escape hatch for any endpoint of our
 * documents that has no facade. Every call made through it gets the client's credentials, account
 * scoping, logging, typed errors, observation and deadline:
 *
 * <pre>{@code
 * HarnessApi<ProjectsApi> projects = client.api(ProjectsApi.class);
 * Mono<ResponseDTOProjectResponse> project =
 *     projects.call(api -> api.getProject("apisample", client.accountId().orElseThrow(), "default"));
 * }</pre>
 *
 * <p>The function is applied at each subscription, never before, so parameter errors arrive
 * through {@code onError} and a resubscription rebuilds the request. Thread-safe.
 *
 * @param <T> the generated API class
 */
public final class HarnessApi<T> {

  private final T api;
  private final HarnessService service;
  private final CallOperator operator;

  HarnessApi(T api, HarnessService service, CallOperator operator) {
    this.api = api;
    this.service = service;
    this.operator = operator;
  }

  /** Calls an operation that answers one value. */
  public <R> Mono<R> call(Function<? super T, ? extends Mono<R>> call) {
    Objects.requireNonNull(call, "call");
    return operator.mono(service, () -> call.apply(api));
  }

  /** Calls an operation that answers a stream of values (an array body decoded as it arrives). */
  public <R> Flux<R> callMany(Function<? super T, ? extends Flux<R>> call) {
    Objects.requireNonNull(call, "call");
    return operator.flux(service, () -> call.apply(api));
  }

  /** The service the API belongs to. */
  public HarnessService service() {
    return service;
  }

  @Override
  public String toString() {
    return "HarnessApi[" + api.getClass().getSimpleName() + ", " + service + "]";
  }
}
