package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.ConnectionPoolStats;
import io.github.harnessreactive.core.catalogue.OperationCatalogue;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one {@code HarnessClient} runs on, built once from its options: the JSON mapper of the
 * generated models, the WebClient with its connection pool and per-attempt filters, the generated
 * API instances wired to it, and the call layer. Thread-safe. Public for {@code HarnessClient},
 * in another package of the runtime; not API.
 */
public final class ClientRuntime implements AutoCloseable {

  private final JsonMapper mapper;
  private final WebClientFactory http;
  private final GeneratedApis apis;
  private final CallLayer callLayer;

  private ClientRuntime(ClientOptions options) {
    this.mapper = Mappers.forGeneratedModels();
    this.http = new WebClientFactory(options, mapper, OperationCatalogue.get());
    this.apis = new GeneratedApis(http.webClient(), mapper, options.serviceUrls());
    this.callLayer = new CallLayer(options, http::isDisposed);
  }

  /** Builds the runtime of a client; its connection pool is created now, its connections on first use. */
  public static ClientRuntime start(ClientOptions options) {
    return new ClientRuntime(options);
  }

  /**
   * The instance of a generated API class wired to this runtime.
   *
   * @throws IllegalArgumentException when the class is not a generated {@code *Api} class
   */
  public <T> T api(Class<T> apiClass) {
    return apis.get(apiClass);
  }

  /** The layer every call goes through. */
  public CallLayer callLayer() {
    return callLayer;
  }

  /** The mapper the generated models are read and written with (immutable). */
  public JsonMapper jsonMapper() {
    return mapper;
  }

  /** The connection pool now. */
  public ConnectionPoolStats poolStats() {
    return http.poolStats();
  }

  /** Whether {@link #close()} has been called. */
  public boolean isClosed() {
    return http.isDisposed();
  }

  /** Releases the connection pool; later calls fail. Does not block. */
  @Override
  public void close() {
    http.dispose();
    callLayer.close();
  }
}
