package io.github.harnessreactive.core;

import io.github.harnessreactive.core.catalogue.OperationCatalogue;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.credentials.BearerTokenCredential;
import io.github.harnessreactive.core.credentials.HarnessCredential;
import io.github.harnessreactive.core.internal.ClientOptions;
import io.github.harnessreactive.core.internal.ClientRuntime;
import io.github.harnessreactive.core.internal.PageLimits;
import io.github.harnessreactive.core.resilience.RateLimiter;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entry point of harness-reactive: one configured, non-blocking client for the Harness
 * Platform and SEI APIs.
 *
 * <pre>{@code
 * HarnessClient client = HarnessClient.builder()
 *     .credential(ApiKeyCredential.of(System.getenv("HARNESS_API_KEY")))   // a PAT names its account
 *     .build();
 * }</pre>
 *
 * <p>Build it once and share it: it is thread-safe and holds a connection pool. Every call goes
 * through the same layers (the runtime README's "What a call goes through"): pacing, credentials,
 * account scoping, logging with redaction, typed errors, retries, one observation per call, a
 * deadline. {@link #close()} releases the connection pool the client created. Facades are reached
 * from it: {@code PlatformClient.of(client)}, {@code SeiClient}.
 */
public final class HarnessClient implements AutoCloseable {

  /** Harness SaaS. */
  public static final String DEFAULT_BASE_URL = "https://app.harness.io";

  private final ClientOptions options;
  private final ClientRuntime runtime;

  private HarnessClient(ClientOptions options) {
    this.options = options;
    this.runtime = ClientRuntime.start(options);
  }

  /**
   * A builder; only the credential is required.
   *
   * @return a new builder with every option at its default
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A generated API class wired to this client, for endpoints without a facade.
   *
   * @param apiClass a generated {@code *Api} class, such as {@code ProjectsApi.class}
   * @return the API, whose calls go through this client's layers
   * @throws NullPointerException when {@code apiClass} is {@code null}
   * @throws IllegalArgumentException when the class is not a generated {@code *Api} class
   */
  public <T> HarnessApi<T> api(Class<T> apiClass) {
    Objects.requireNonNull(apiClass, "apiClass");
    return new HarnessApi<>(runtime.api(apiClass), HarnessService.of(apiClass), runtime.callLayer(),
        runtime.jsonMapper(), accountId().orElse(null));
  }

  /**
   * The JSON mapper this client reads and writes the generated models with: the generated
   * client's settings (RFC 3339 dates, unknown properties ignored), writing only the properties
   * that are set. Jackson 3 mappers are immutable, so sharing it is safe; use it to serialise
   * request bodies exactly as the client would, or to read a model from a stored JSON document.
   */
  public JsonMapper jsonMapper() {
    return runtime.jsonMapper();
  }

  /** The account calls act for unless their context says otherwise: the one given, else the one the credential names. */
  public Optional<String> accountId() {
    return Optional.ofNullable(options.accountId()).or(() -> options.credential().accountId());
  }

  /** The base URL calls to a service go to. */
  public String serviceUrl(HarnessService service) {
    return options.serviceUrls().get(service);
  }

  /** The default credential. */
  public HarnessCredential credential() {
    return options.credential();
  }

  /** Releases the connection pool this client created; calls made afterwards fail. Does not block. */
  @Override
  public void close() {
    runtime.close();
  }

  /** The connection pool now: connections in use, idle, and requests waiting for one. */
  public ConnectionPoolStats connectionPool() {
    return runtime.poolStats();
  }

  /** Whether {@link #close()} has been called. */
  public boolean isClosed() {
    return runtime.isClosed();
  }

  @Override
  public String toString() {
    return "HarnessClient[" + options.serviceUrls().get(HarnessService.PLATFORM_NG) + ", account="
        + accountId().orElse("none") + ", credential=" + options.credential() + "]";
  }

  /**
   * Builds a {@link HarnessClient}. Only the credential is required. Not thread-safe; the client it
   * builds is immutable.
   */
  public static final class Builder {

    private String baseUrl = DEFAULT_BASE_URL;
    private final Map<HarnessService, String> serviceUrls = new EnumMap<>(HarnessService.class);
    private HarnessCredential credential;
    private String accountId;
    private WebClient.Builder webClientBuilder;
    private int maxInMemorySize = 16 * 1024 * 1024;
    private long maxPageBytes = PageLimits.DEFAULTS.maxPageBytes();
    private long maxItemBytes = PageLimits.DEFAULTS.maxItemBytes();
    private int maxConnections = 50;
    private Integer maxPendingAcquires;
    private Duration poolAcquireTimeout = Duration.ofSeconds(45);
    private byte[] continuationTokenKey;
    private ProxyOptions proxy;
    private TrustManagerFactory trustManagerFactory;
    private String applicationId;
    private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration responseTimeout = Duration.ofSeconds(60);
    private Duration deadline = Duration.ofMinutes(5);
    private boolean allowInsecureHttp;
    private RateLimiter rateLimiter = TokenBucketRateLimiter.shared();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Scheduler scheduler = Schedulers.parallel();
    private MeterRegistry meterRegistry;
    private String name;

    private Builder() {
    }

    /**
     * The Harness installation: {@value HarnessClient#DEFAULT_BASE_URL} (the default), a
     * self-managed Harness, or a simulator. Each service's path (such as {@code /prod1/sei/api}
     * for SEI v1) is appended to it unless {@link #serviceUrl} sets the service's URL.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = requireUrl(baseUrl, "baseUrl");
      return this;
    }

    /** The full base URL of one service, such as {@code https://accounts.eu.harness.io/sei/api} for SEI v1 in the EU. */
    public Builder serviceUrl(HarnessService service, String url) {
      serviceUrls.put(Objects.requireNonNull(service, "service"), requireUrl(url, "url"));
      return this;
    }

    /** The default credential (required). Calls can override it through {@link HarnessContext}. */
    public Builder credential(HarnessCredential credential) {
      this.credential = Objects.requireNonNull(credential, "credential");
      return this;
    }

    /**
     * The account calls act for. Optional with a PAT or SAT, which names its account; required with
     * an SEI 2.0 API key or a bearer token.
     *
     * @throws IllegalArgumentException when the value is not an account id ({@link Identifiers#ACCOUNT_PATTERN})
     */
    public Builder accountId(String accountId) {
      this.accountId = Identifiers.requireAccountId(accountId, "accountId");
      return this;
    }

    /**
     * A WebClient builder to start from (Spring Boot's, so its codecs, customizers and observation
     * carry over). It is cloned, not changed; the client sets its own connector, JSON codecs and filters.
     */
    public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
      this.webClientBuilder = Objects.requireNonNull(webClientBuilder, "webClientBuilder");
      return this;
    }

    /** The largest response body decoded in memory, in bytes (default 16 MiB; Spring's own default of 256 KiB is too small for large SEI pages). */
    public Builder maxInMemorySize(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxInMemorySize must be positive");
      }
      this.maxInMemorySize = bytes;
      return this;
    }

    /**
     * The largest page body a listing reads, in bytes (default 16 MiB). Pages are read from the
     * body's buffers as they arrive rather than through the codecs, so {@link #maxInMemorySize}
     * does not bound them; a larger page fails with {@code ResponseTooLargeException} (part
     * {@code PAGE}) as soon as its bytes pass the limit, and is not retried.
     */
    public Builder maxPageBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxPageBytes must be positive");
      }
      this.maxPageBytes = bytes;
      return this;
    }

    /**
     * The largest item of a page, in bytes (default 4 MiB; at most {@link #maxPageBytes}): a
     * larger item fails its page with {@code ResponseTooLargeException} (part {@code ITEM}),
     * which is not retried.
     */
    public Builder maxItemBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxItemBytes must be positive");
      }
      this.maxItemBytes = bytes;
      return this;
    }

    /** The size of the connection pool (default 50). */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections <= 0) {
        throw new IllegalArgumentException("maxConnections must be positive");
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * How many requests may wait for a connection when all {@link #maxConnections} are busy
     * (default: 10 times {@code maxConnections}). One more fails at once with
     * {@code ConnectionPoolExhaustedException}, which is not retried: requests that passed the rate
     * limiter of many credentials cannot pile up without bound in front of a slow Harness.
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder maxPendingAcquires(int maxPending) {
      if (maxPending <= 0) {
        throw new IllegalArgumentException("maxPendingAcquires must be positive");
      }
      this.maxPendingAcquires = maxPending;
      return this;
    }

    /**
     * How long a request may wait for a connection when all {@link #maxConnections} are busy
     * (default 45 s, Reactor Netty's). Waiting longer fails with
     * {@code ConnectionPoolExhaustedException}, which is not retried: the client is overloaded, not
     * Harness unreachable.
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder poolAcquireTimeout(Duration timeout) {
      this.poolAcquireTimeout = requirePositive(timeout, "poolAcquireTimeout");
      return this;
    }

    /**
     * Signs continuation tokens with HMAC-SHA256 under this key, and resumes only tokens signed
     * with it (default: none, tokens are not signed). Give one when tokens leave your process's
     * trust: handed to your own clients (a {@code nextPageToken}) or stored where others can write.
     * A token signed by one process resumes only in a client given the same key, and a
     * {@code CheckpointStore} stores tokens: keep the key as long as the checkpoints, and give it
     * to every process that resumes them.
     *
     * @param key at least 32 bytes, random and secret; copied
     * @throws IllegalArgumentException when the key is {@code null} or shorter than 32 bytes
     */
    public Builder continuationTokenKey(byte[] key) {
      if (key == null || key.length < 32) {
        throw new IllegalArgumentException("a continuation token key needs at least 32 bytes");
      }
      this.continuationTokenKey = key.clone();
      return this;
    }

    /** A proxy to reach Harness through. */
    public Builder proxy(ProxyOptions proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy");
      return this;
    }

    /** Trust material for a self-managed Harness whose certificate the JDK does not trust. */
    public Builder trustManagerFactory(TrustManagerFactory trustManagerFactory) {
      this.trustManagerFactory = Objects.requireNonNull(trustManagerFactory, "trustManagerFactory");
      return this;
    }

    /** Trusts these certificates (and only these) for HTTPS, for a self-managed Harness. */
    public Builder trustedCertificates(X509Certificate... certificates) {
      try {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
          store.setCertificateEntry("harness-" + i, certificates[i]);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return trustManagerFactory(factory);
      } catch (KeyStoreException | NoSuchAlgorithmException | CertificateException | java.io.IOException e) {
        throw new IllegalArgumentException("cannot build trust material from the certificates", e);
      }
    }

    /** Names the application in the {@code User-Agent}, before the library's own name and version. */
    public Builder applicationId(String applicationId) {
      if (applicationId == null || applicationId.isBlank() || applicationId.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("applicationId must be one non-blank word");
      }
      this.applicationId = applicationId;
      return this;
    }

    /**
     * Where the client's own meters go (default: none): the gauge {@code harness.retry.budget}, the
     * tokens left in its retry budget, and the counter {@code harness.retries} of decisions about
     * retryable failures (tags {@code service}, {@code reason}, and {@code outcome}: {@code retried}
     * or why not), each tagged {@code client} with the client's {@link #name(String) name}. The
     * rate limiter takes its own registry; observations go to the
     * {@link #observationRegistry(ObservationRegistry) observation registry}.
     */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * The client's name in its meters, the tag {@code client} (default: the application id, else a
     * short hash of the credential's identity). Give clients that share a registry and a credential
     * their own names: two clients with one name share one budget gauge, which the first to close removes.
     */
    public Builder name(String name) {
      if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("name must be one non-blank word");
      }
      this.name = name;
      return this;
    }

    /** Where the client reports its observations (default: none). */
    public Builder observationRegistry(ObservationRegistry registry) {
      this.observationRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** How long establishing a connection may take (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = requirePositive(timeout, "connectTimeout");
      return this;
    }

    /**
     * How long one attempt may wait for response data (default 60 s): between two reads of a body
     * read in one go; for a stream, for the response to arrive, then for each item while the
     * consumer waits for one (a consumer that is slower never trips it).
     */
    public Builder responseTimeout(Duration timeout) {
      this.responseTimeout = requirePositive(timeout, "responseTimeout");
      return this;
    }

    /**
     * The deadline of a logical call (default 5 min; {@code null} for none): for a call answering one
     * value, the whole call, all attempts together; for a stream (an export), the time to its first
     * item, after which a gap longer than the response timeout while the consumer waits fails it.
     * A call's context can override it ({@code HarnessContext.deadline(...)}).
     */
    public Builder deadline(Duration deadline) {
      this.deadline = deadline == null ? null : requirePositive(deadline, "deadline");
      return this;
    }

    /**
     * Allows credentials over plain http to hosts that are not loopback. Off by default: over http
     * anyone on the path reads the key. Loopback (a local simulator) is always allowed.
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * The rate limiter every attempt waits on (default: {@link TokenBucketRateLimiter#shared()}, one
     * per process at 400 requests a minute per credential, so clients sharing a credential share its
     * budget). Give every client of a process the same limiter.
     */
    public Builder rateLimiter(RateLimiter rateLimiter) {
      this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
      return this;
    }

    /** When calls are repeated (default {@link RetryPolicy#defaults()}); a call's context can override it. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Where the client's timers run and its clock is read: retry backoff, deadlines, the measure of
     * rate-limit waits (default {@link Schedulers#parallel()}). Tests give a
     * {@code VirtualTimeScheduler} to run retries and deadlines in virtual time. The rate limiter
     * has its own clock ({@code TokenBucketRateLimiter}'s scheduler).
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException when no credential was given, when the account id is needed
     *     and missing, or contradicts the one the PAT/SAT names
     * @throws IllegalArgumentException when a URL would carry the credential over plain http
     */
    public HarnessClient build() {
      if (credential == null) {
        throw new IllegalStateException("a credential is required");
      }
      Optional<String> named = credential.accountId();
      if (accountId != null && named.isPresent() && !named.get().equals(accountId)) {
        throw new IllegalStateException("the account id " + accountId + " differs from the account the token names ("
            + named.get() + ")");
      }
      boolean opaqueKey = credential instanceof ApiKeyCredential key && !key.isPlatformToken();
      if (accountId == null && (opaqueKey || credential instanceof BearerTokenCredential)) {
        throw new IllegalStateException("an account id is required with an SEI 2.0 API key or a bearer token: "
            + "call accountId(...)");
      }
      Map<HarnessService, String> urls = new EnumMap<>(HarnessService.class);
      for (HarnessService service : HarnessService.values()) {
        urls.put(service, serviceUrls.getOrDefault(service, baseUrl + defaultPath(service)));
      }
      int pending = maxPendingAcquires != null ? maxPendingAcquires : 10 * maxConnections;
      return new HarnessClient(new ClientOptions(urls, credential, accountId, webClientBuilder, maxInMemorySize,
          maxConnections, pending, poolAcquireTimeout, proxy, trustManagerFactory, applicationId, observationRegistry,
          connectTimeout, responseTimeout, deadline, allowInsecureHttp, rateLimiter, retryPolicy, scheduler, meterRegistry,
          continuationTokenKey, name, new PageLimits(maxPageBytes, maxItemBytes)));
    }

    /** The path of the service's default server, such as {@code /gateway/sei/api}, from the catalogue. */
    private static String defaultPath(HarnessService service) {
      String path = UriComponentsBuilder.fromUriString(OperationCatalogue.get().defaultServer(service.document()))
          .build().getPath();
      return path == null ? "" : path;
    }

    private static String requireUrl(String url, String name) {
      Objects.requireNonNull(url, name);
      URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      if (uri.getScheme() == null || uri.getHost() == null
          || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
        throw new IllegalArgumentException(name + " must be an absolute http or https URL: " + url);
      }
      return uri.toString();
    }

    private static Duration requirePositive(Duration duration, String name) {
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return duration;
    }
  }
}
