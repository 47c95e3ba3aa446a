package io.github.harnessreactive.simulator.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.harnessreactive.simulator.FaultKind;
import io.github.harnessreactive.simulator.SimulatorOptions;
import io.github.harnessreactive.simulator.SimulatorStats;
import io.github.harnessreactive.simulator.internal.resources.ResourceStore;
import io.github.harnessreactive.simulator.internal.resources.StatefulAnswers;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Answers every request the simulator receives, as Harness would: once "fail after N pages" has
 * tripped, the configured fault; otherwise it finds the operation of our documents the request is
 * for, checks the credential as Harness does, counts it against the key's window, applies the
 * fault schedule to list pages and the random faults to everything, and answers from the store
 * (stateful resources) or from the operation's schema. Stubs other than the simulator's own
 * (replayed recordings, a test's own stubs) keep their answers, with the same counting, page
 * budget and latency.
 */
public final class Responder implements ResponseDefinitionTransformerV2 {

  public static final String NAME = "harness-simulator";

  /** The id of the catch-all stub whose answers this transformer makes. */
  public static final UUID SIMULATOR_STUB = UUID.fromString("5151a7e0-0000-4000-8000-000000000001");

  private final SimulatorOptions options;
  private final Routes routes;
  private final RequestWindow window;
  private final FaultInjector faults;
  private final SampledAnswers sampled;
  private final StatefulAnswers stateful;
  private final ResourceStore store = new ResourceStore();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong faulted = new AtomicLong();
  private final AtomicLong pages = new AtomicLong();

  public Responder(SimulatorOptions options) {
    this.options = options;
    SpecDocuments documents = new SpecDocuments();
    Answers answers = new Answers(documents, new SchemaSampler(documents, options.seed()));
    Pages pageWriter = new Pages(answers, options.reportTotals());
    this.routes = new Routes(documents);
    this.window = new RequestWindow(options.requestLimit(), options.window().toNanos());
    this.faults = new FaultInjector(options);
    this.sampled = new SampledAnswers(options, answers, pageWriter);
    this.stateful = new StatefulAnswers(store, answers, pageWriter, sampled::answer);
  }

  /** The state of the stateful resources. */
  public ResourceStore store() {
    return store;
  }

  /** What has been answered so far. */
  public SimulatorStats stats() {
    return new SimulatorStats(requests.get(), throttled.get(), rejected.get(), faulted.get(), pages.get());
  }

  /** Back to how the simulator started: no resources but the default organization, counters, windows and fault plans at zero. */
  public void reset() {
    store.clear();
    window.clear();
    faults.reset();
    requests.set(0);
    throttled.set(0);
    rejected.set(0);
    faulted.set(0);
    pages.set(0);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    requests.incrementAndGet();
    Optional<FaultKind> exhausted = faults.afterPageBudget();
    if (exhausted.isPresent()) {
      return delayed(fault(exhausted.get(), () -> new ResponseDefinitionBuilder().withStatus(200).withBody("{}")));
    }
    StubMapping stub = event.getStubMapping();
    if (stub == null || !SIMULATOR_STUB.equals(stub.getId())) {
      return delayed(ResponseDefinitionBuilder.like(event.getResponseDefinition()));
    }
    var request = event.getRequest();
    URI uri = URI.create(request.getUrl());
    Optional<Routes.Match> match = routes.match(request.getMethod().getName(), uri.getPath());
    if (match.isEmpty()) {
      return delayed(Answers.ngError(400, "FAILURE", "RESOURCE_NOT_FOUND_EXCEPTION", "Unable to find the requested resource"));
    }
    String document = match.get().operation().document();
    String credential = Credentials.of(document, request.getHeader("x-api-key"), request.getHeader("Authorization"));
    if (credential == null) {
      rejected.incrementAndGet();
      return delayed(Answers.ngError(400, "ERROR", "INVALID_REQUEST",
          "Invalid request: Authorization is mandatory. Please add X-Api-Key header in the request"));
    }
    if (!Credentials.accepted(options, document, credential) && !(options.state() && stateful.issuedTokenAccepted(credential))) {
      rejected.incrementAndGet();
      return delayed(Answers.ngError(401, "ERROR", "INVALID_TOKEN", "Invalid call: Invalid token or token expired"));
    }
    if (!window.admit(credential, System.nanoTime())) {
      throttled.incrementAndGet();
      return delayed(FaultInjector.response(FaultKind.TOO_MANY_REQUESTS, null));
    }
    Call call = new Call(match.get().operation(), match.get().pathParams(), uri, request.getBodyAsString(), credential);
    return delayed(answer(call));
  }

  private ResponseDefinitionBuilder answer(Call call) {
    boolean list = Pages.paging(call.operation()).isPresent();
    Optional<FaultKind> fault = Optional.empty();
    if (list) {
      try {
        fault = faults.scheduled(call, Pages.window(call, Pages.paging(call.operation()).get()).index());
      } catch (IllegalArgumentException invalid) {
        return Answers.ngError(400, "FAILURE", "INVALID_REQUEST", invalid.getMessage());
      }
    }
    if (fault.isEmpty()) {
      fault = faults.random();
    }
    Supplier<ResponseDefinitionBuilder> normal = () -> stateful(call).orElseGet(() -> sampled.answer(call));
    if (fault.isPresent()) {
      return fault(fault.get(), normal);
    }
    ResponseDefinitionBuilder answer = normal.get();
    if (list && answer.build().getStatus() == 200) {
      pages.incrementAndGet();
      faults.pageServed();
    }
    return answer;
  }

  private Optional<ResponseDefinitionBuilder> stateful(Call call) {
    return options.state() ? stateful.answer(call) : Optional.empty();
  }

  private ResponseDefinitionBuilder fault(FaultKind kind, Supplier<ResponseDefinitionBuilder> answer) {
    faulted.incrementAndGet();
    return FaultInjector.response(kind, answer);
  }

  private ResponseDefinition delayed(ResponseDefinitionBuilder answer) {
    if (!options.latency().isZero()) {
      answer.withFixedDelay((int) options.latency().toMillis());
    }
    return answer.build();
  }
}
