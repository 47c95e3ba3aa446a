package io.github.harnessreactive.core.internal;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Per attempt: logs each request and its outcome through SLF4J, logger
 * {@code io.github.harnessreactive.http}. DEBUG gives the method, the redacted URL, the status and
 * the time taken; TRACE adds the headers. Header and query values not on {@link Redactor}'s
 * allow-list print as {@value Redactor#REDACTED}: credentials never reach a log.
 */
final class LoggingFilter implements ExchangeFilterFunction {

  static final Logger LOG = LoggerFactory.getLogger("io.github.harnessreactive.http");

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    if (!LOG.isDebugEnabled()) {
      return next.exchange(request);
    }
    return Mono.deferContextual(context -> {
      String operation = CallState.require(context).operationId();
      String line = request.method().name() + " " + Redactor.url(request.url()) + " (" + operation + ")";
      if (LOG.isTraceEnabled()) {
        LOG.trace("--> {}\n{}", line, Redactor.headers(request.headers()));
      } else {
        LOG.debug("--> {}", line);
      }
      long start = System.nanoTime();
      return next.exchange(request)
          .doOnNext(response -> {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (LOG.isTraceEnabled()) {
              LOG.trace("<-- {} {} ({} ms)\n{}", response.statusCode().value(), line, millis,
                  Redactor.headers(response.headers().asHttpHeaders()));
            } else {
              LOG.debug("<-- {} {} ({} ms)", response.statusCode().value(), line, millis);
            }
          })
          .doOnError(e -> LOG.debug("<-- failed {}: {}", line, e.getClass().getSimpleName()));
    });
  }
}
