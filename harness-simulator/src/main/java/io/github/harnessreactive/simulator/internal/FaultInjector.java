package io.github.harnessreactive.simulator.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.github.harnessreactive.simulator.FaultKind;
import io.github.harnessreactive.simulator.FaultSchedule;
import io.github.harnessreactive.simulator.Faults;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Decides which requests fail and how: the "fail after N pages" budget, the deterministic
 * schedule of list pages (attempts counted per key, operation and page), and the random faults
 * drawn in order from the seed. {@link #reset()} starts all of it again.
 */
final class FaultInjector {

  private final SimulatorOptions options;
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final AtomicLong pagesServed = new AtomicLong();
  private SplittableRandom random;

  FaultInjector(SimulatorOptions options) {
    this.options = options;
    reset();
  }

  synchronized void reset() {
    attempts.clear();
    pagesServed.set(0);
    random = new SplittableRandom(options.seed());
  }

  /** The fault every request gets once the configured number of pages has been served. */
  Optional<FaultKind> afterPageBudget() {
    var budget = options.failureAfterPages();
    return budget.isPresent() && pagesServed.get() >= budget.getAsInt()
        ? Optional.of(options.failureAfterPagesKind()) : Optional.empty();
  }

  /** The scheduled fault of this attempt at a list page; counts the attempt when there is a schedule. */
  Optional<FaultKind> scheduled(Call call, long pageIndex) {
    if (options.faultSchedule() == FaultSchedule.none()) {
      return Optional.empty();
    }
    String key = call.credential() + ' ' + call.document() + ' ' + call.operation().operationId() + ' ' + pageIndex;
    int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    return options.faultSchedule().fault(pageIndex, attempt);
  }

  /** A random fault for any request, drawn from the seed; empty most of the time. */
  Optional<FaultKind> random() {
    Faults f = options.faults();
    if (f.total() == 0) {
      return Optional.empty();
    }
    double x = draw();
    double edge = f.connectionReset();
    if (x < edge) {
      return Optional.of(FaultKind.CONNECTION_RESET);
    }
    if (x < (edge += f.serviceUnavailable())) {
      return Optional.of(FaultKind.SERVICE_UNAVAILABLE);
    }
    if (x < (edge += f.htmlBadGateway())) {
      return Optional.of(FaultKind.BAD_GATEWAY_HTML);
    }
    if (x < (edge += f.truncatedJson())) {
      return Optional.of(FaultKind.TRUNCATED_JSON);
    }
    return x < edge + f.throttleInBody() ? Optional.of(FaultKind.THROTTLED_IN_BODY) : Optional.empty();
  }

  /** Counts a list page answered successfully. */
  void pageServed() {
    pagesServed.incrementAndGet();
  }

  private synchronized double draw() {
    return random.nextDouble();
  }

  /**
   * The answer a fault gives. Only a truncated body needs the real answer, so the others never
   * compute it (nor change any state).
   */
  static ResponseDefinitionBuilder response(FaultKind kind, Supplier<ResponseDefinitionBuilder> answer) {
    return switch (kind) {
      case CONNECTION_RESET -> new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER);
      case SERVICE_UNAVAILABLE -> new ResponseDefinitionBuilder().withStatus(503);
      case BAD_GATEWAY_HTML -> new ResponseDefinitionBuilder().withStatus(502).withHeader("Content-Type", "text/html")
          .withBody("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
              + "</body></html>");
      case TOO_MANY_REQUESTS -> new ResponseDefinitionBuilder().withStatus(429).withHeader("Content-Type", "text/plain")
          .withBody("Too Many Requests");
      case THROTTLED_IN_BODY -> new ResponseDefinitionBuilder().withStatus(400).withHeader("Content-Type", "application/json")
          .withBody("{\"status\":\"ERROR\",\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Too many requests, please retry later\"}");
      case TRUNCATED_JSON -> {
        ResponseDefinition full = answer.get().build();
        String body = full.getBody() == null || full.getBody().isEmpty() ? "{}" : full.getBody();
        yield new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(body.substring(0, body.length() / 2));
      }
    };
  }
}
