package io.github.harnessreactive.boot.health;

import io.github.harnessreactive.boot.HarnessProperties;
import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.HarnessService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient.ResponseSpec;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sends one probe request through a {@link HarnessClient}'s call layer, so it gets what every call
 * gets: the client's credential, account scoping, a permit of the key's rate-limit partition (and a
 * pause of it on 429), typed errors, observation. It goes through the generic {@code invokeAPI} of
 * the service's generated {@code ApiClient}, reached from one of its {@code *Api} classes.
 */
final class ProbeCall {

  private static final ParameterizedTypeReference<Void> NO_BODY = ParameterizedTypeReference.forType(Void.class);

  private final HarnessClient client;
  private final HarnessService service;
  private final HttpMethod method;
  private final String path;
  private final MultiValueMap<String, String> query;
  private final JsonNode body;

  /**
   * @throws IllegalArgumentException when the service has no probe support or the body is not JSON
   */
  ProbeCall(HarnessClient client, HarnessService service, HarnessProperties.Probe probe) {
    if (service == HarnessService.PLATFORM_V1) {
      throw new IllegalArgumentException("probe the Platform client through " + HarnessService.PLATFORM_NG
          + ": both share its base URL");
    }
    this.client = client;
    this.service = service;
    this.method = HttpMethod.valueOf(probe.method());
    UriComponents uri = UriComponentsBuilder.fromUriString(probe.path()).build();
    this.path = uri.getPath();
    this.query = new LinkedMultiValueMap<>();
    uri.getQueryParams().forEach((name, values) -> values.forEach(value ->
        query.add(decode(name), value == null ? null : decode(value))));
    this.body = probe.body() == null ? null : json(client, probe.body());
  }

  private static JsonNode json(HarnessClient client, String body) {
    try {
      return client.jsonMapper().readTree(body);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("a health probe's body must be JSON", e);
    }
  }

  /** The response, its body discarded; a non-2xx status fails with the runtime's typed exception. */
  Mono<ResponseEntity<Void>> send() {
    return switch (service) {
      case PLATFORM_NG -> send(client.api(io.github.harnessreactive.generated.platform.ng.api.OrganizationsApi.class),
          api -> exchange(api.getApiClient()::invokeAPI));
      case SEI_V1 -> send(client.api(io.github.harnessreactive.generated.sei.v1.api.IntegrationsApi.class),
          api -> exchange(api.getApiClient()::invokeAPI));
      case SEI_V2 -> send(client.api(io.github.harnessreactive.generated.sei.v2.api.DevelopersApi.class),
          api -> exchange(api.getApiClient()::invokeAPI));
      case PLATFORM_V1 -> throw new IllegalStateException("not probed: " + service);
    };
  }

  private static <T> Mono<ResponseEntity<Void>> send(HarnessApi<T> api, Function<T, Mono<ResponseEntity<Void>>> call) {
    return api.call(call);
  }

  private Mono<ResponseEntity<Void>> exchange(Invoker invoker) {
    return invoker.invoke(path, method, Map.of(), new LinkedMultiValueMap<>(query), body, new HttpHeaders(),
        new LinkedMultiValueMap<>(), new LinkedMultiValueMap<>(), List.of(MediaType.APPLICATION_JSON),
        body == null ? null : MediaType.APPLICATION_JSON, new String[0], NO_BODY).toBodilessEntity();
  }

  private static String decode(String value) {
    return UriUtils.decode(value, StandardCharsets.UTF_8);
  }

  /** The shape of {@code invokeAPI}, the same in every generated {@code ApiClient}. */
  @FunctionalInterface
  private interface Invoker {
    ResponseSpec invoke(String path, HttpMethod method, Map<String, Object> pathParams,
        MultiValueMap<String, String> queryParams, Object body, HttpHeaders headerParams,
        MultiValueMap<String, String> cookieParams, MultiValueMap<String, Object> formParams, List<MediaType> accept,
        MediaType contentType, String[] authNames, ParameterizedTypeReference<Void> returnType);
  }
}
