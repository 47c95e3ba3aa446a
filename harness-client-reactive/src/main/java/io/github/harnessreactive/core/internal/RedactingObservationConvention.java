package io.github.harnessreactive.core.internal;

import io.micrometer.common.KeyValue;
import org.springframework.web.reactive.function.client.ClientHttpObservationDocumentation.HighCardinalityKeyNames;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * Spring's convention for the {@code http.client.requests} observation of each attempt, with the
 * high-cardinality {@code http.url} tag redacted as the runtime's logs are ({@link Redactor#url}):
 * Spring's own puts the whole URL, every query value included, into traces.
 */
final class RedactingObservationConvention extends DefaultClientRequestObservationConvention {

  @Override
  protected KeyValue httpUrl(ClientRequestObservationContext context) {
    ClientRequest request = context.getRequest();
    return request == null ? super.httpUrl(context)
        : KeyValue.of(HighCardinalityKeyNames.HTTP_URL, Redactor.url(request.url()));
  }
}
