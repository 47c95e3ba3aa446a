package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.ConnectionPoolStats;
import io.github.harnessreactive.core.ProxyOptions;
import io.github.harnessreactive.core.catalogue.OperationCatalogue;
import io.netty.channel.ChannelOption;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.ProxyProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the runtime's WebClient: Reactor Netty with its own connection pool (bounded: requests
 * waiting for a connection time out, and their number is capped), timeouts, proxy and trust
 * material, redirects off; Jackson codecs with the generated models' mapper and the memory limit;
 * the {@code User-Agent}; the observation registry with a convention that redacts the URL; and the
 * per-attempt filter chain. Starts from the user's {@link WebClient.Builder} when one was given
 * (cloned, never changed), so Spring Boot's customizations carry over, except two that would show
 * a credential or a query value: request-details logging of the codecs (with it, Spring's
 * {@code ExchangeFunctions} logs every request's headers at TRACE, keys included; the filters run
 * before the exchange function, so the authenticated request is what it would log), and a custom
 * observation convention (replaced by {@link RedactingObservationConvention}).
 */
final class WebClientFactory {

  private final ConnectionProvider connectionProvider;
  private final WebClient webClient;
  private final AtomicBoolean disposed = new AtomicBoolean();
  private final Map<String, ConnectionPoolMetrics> pools = new ConcurrentHashMap<>();

  WebClientFactory(ClientOptions options, JsonMapper mapper, OperationCatalogue catalogue) {
    this.connectionProvider = ConnectionProvider.builder("harness-reactive")
        .maxConnections(options.maxConnections())
        .pendingAcquireMaxCount(options.maxPendingAcquires())
        .pendingAcquireTimeout(options.poolAcquireTimeout())
        .metrics(true, () -> new ConnectionProvider.MeterRegistrar() {
          @Override
          public void registerMetrics(String poolName, String id, SocketAddress remote, ConnectionPoolMetrics metrics) {
            pools.put(id, metrics);
          }

          @Override
          public void deRegisterMetrics(String poolName, String id, SocketAddress remote) {
            pools.remove(id);
          }
        })
        .build();
    HttpClient http = HttpClient.create(connectionProvider)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(options.connectTimeout().toMillis()))
        .responseTimeout(options.responseTimeout())
        .followRedirect(false);
    if (options.proxy() != null) {
      http = http.proxy(spec -> proxy(spec, options.proxy()));
    }
    if (options.trustManagerFactory() != null) {
      Http11SslContextSpec ssl = Http11SslContextSpec.forClient()
          .configure(builder -> builder.trustManager(options.trustManagerFactory()));
      http = http.secure(spec -> spec.sslContext(ssl));
    }
    WebClient.Builder builder = options.webClientBuilder() != null ? options.webClientBuilder().clone() : WebClient.builder();
    this.webClient = builder
        .clientConnector(new ReactorClientHttpConnector(http))
        .codecs(codecs -> {
          codecs.defaultCodecs().enableLoggingRequestDetails(false);
          codecs.defaultCodecs().maxInMemorySize(options.maxInMemorySize());
          codecs.defaultCodecs().jacksonJsonDecoder(new HarnessJsonDecoder(mapper, options.maxInMemorySize()));
          codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(mapper, MediaType.APPLICATION_JSON));
        })
        .defaultHeader(HttpHeaders.USER_AGENT, options.userAgent())
        .observationRegistry(options.observationRegistry())
        .observationConvention(new RedactingObservationConvention())
        .filters(filters -> filters.addAll(FilterChain.of(options, catalogue)))
        .build();
  }

  WebClient webClient() {
    return webClient;
  }

  /** Releases the connection pool this factory created; later requests fail. Does not block. */
  void dispose() {
    if (disposed.compareAndSet(false, true)) {
      connectionProvider.dispose();
    }
  }

  /** Whether {@link #dispose()} was called (the pool's own flag also says so before its first connection). */
  boolean isDisposed() {
    return disposed.get();
  }

  /** The pool's connections now, over every remote host. */
  ConnectionPoolStats poolStats() {
    int acquired = 0;
    int idle = 0;
    int pending = 0;
    for (ConnectionPoolMetrics pool : pools.values()) {
      acquired += pool.acquiredSize();
      idle += pool.idleSize();
      pending += pool.pendingAcquireSize();
    }
    return new ConnectionPoolStats(acquired, idle, pending);
  }

  private static ProxyProvider.Builder proxy(ProxyProvider.TypeSpec spec, ProxyOptions proxy) {
    ProxyProvider.Builder builder = spec
        .type(proxy.type() == ProxyOptions.Type.HTTP ? ProxyProvider.Proxy.HTTP : ProxyProvider.Proxy.SOCKS5)
        .host(proxy.host())
        .port(proxy.port());
    if (proxy.username() != null) {
      String password = Objects.requireNonNullElse(proxy.password(), "");
      builder = builder.username(proxy.username()).password(user -> password);
    }
    if (proxy.nonProxyHosts() != null) {
      builder = builder.nonProxyHosts(proxy.nonProxyHosts());
    }
    return builder;
  }
}
