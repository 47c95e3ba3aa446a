package io.github.harnessreactive.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.github.harnessreactive.platform.IssuedToken;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.reactive.function.client.WebClient;

/** What the reliability tests share: the secrets, a client tuned for fast faults, and the after-scenario checks. */
final class Fixtures {

  static final String ACCOUNT = "r3liableAcct";
  /** The secret part of {@link #PAT}: it must appear in no log line and no exception. */
  static final String PAT_SECRET = "R3liabilitySecretValue4242";
  static final String PAT = "pat." + ACCOUNT + ".t0kenId." + PAT_SECRET;
  static final String SEI_KEY = "seiR3liabilityKeyValue9876";
  static final List<String> SECRETS = List.of(PAT_SECRET, SEI_KEY);
  /** A secret's value a scenario writes: it too must appear in no log line and no exception. */
  static final String SECRET_VALUE = "R3liabilitySecretValueOfASecret";
  /** The tokens scenarios were issued; each must appear in no log line and no exception. */
  private static final Queue<String> ISSUED = new ConcurrentLinkedQueue<>();

  /** Every failure a scenario ended with, rendered as a user would see it (message, causes, stack). */
  private static final Queue<String> FAILURES = new ConcurrentLinkedQueue<>();

  static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(700);
  static final int MAX_ATTEMPTS = 4;

  private Fixtures() {
  }

  /**
   * The default retry policy and rate limiter behaviour, with the waits shortened so that a fault
   * matrix runs in seconds: backoff 10-40 ms, a 429 pause of 20-100 ms, responses due within 700 ms.
   */
  static HarnessClient.Builder client(String baseUrl) {
    HarnessClient.Builder builder = HarnessClient.builder().baseUrl(baseUrl).credential(ApiKeyCredential.of(PAT))
        .responseTimeout(RESPONSE_TIMEOUT)
        .rateLimiter(TokenBucketRateLimiter.create(RateLimitOptions.defaults().withLimit(10_000, Duration.ofSeconds(1))
            .withBurst(100).withThrottlePause(Duration.ofMillis(20), Duration.ofMillis(100))))
        .retryPolicy(RetryPolicy.defaults().withMaxAttempts(MAX_ATTEMPTS).withBackoff(Duration.ofMillis(10), Duration.ofMillis(40)));
    for (HarnessService service : HarnessService.values()) {
      builder.serviceUrl(service, baseUrl);
    }
    return builder;
  }

  /** A {@link #client} that counts the requests it sends, as they are sent (final once a stream is cancelled). */
  static HarnessClient countingClient(String baseUrl, AtomicInteger sent) {
    return client(baseUrl).webClientBuilder(WebClient.builder().filter((request, next) -> {
      sent.incrementAndGet();
      return next.exchange(request);
    })).build();
  }

  /** Keeps the failure for {@link SecretScanTest}. */
  static Throwable record(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    FAILURES.add(failure + "\n" + trace);
    return failure;
  }

  /** Keeps an issued token for {@link SecretScanTest}. */
  static IssuedToken issued(IssuedToken token) {
    ISSUED.add(token.value());
    return token;
  }

  /** Every value no log line or exception may hold: the keys, a secret's value, and the tokens issued so far. */
  static List<String> secrets() {
    List<String> all = new ArrayList<>(SECRETS);
    all.add(SECRET_VALUE);
    all.addAll(ISSUED);
    return all;
  }

  static List<String> failures() {
    return List.copyOf(FAILURES);
  }

  /**
   * After a scenario: every connection back in the pool (none acquired, none pending) within two
   * seconds, and no Netty leak report. The pool is released asynchronously after a cancel, so this
   * polls (a wait that is the point of the check), for at most two seconds.
   */
  static void assertNothingLeaked(HarnessClient client) {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (client.connectionPool().acquired() + client.connectionPool().pending() > 0 && System.nanoTime() < deadline) {
      pause(10);
    }
    assertThat(client.connectionPool()).as("connection pool after the scenario")
        .extracting(stats -> stats.acquired() + stats.pending()).isEqualTo(0);
    CapturingLeakDetector.assertNoLeaks();
  }

  /** Polls, for at most two seconds, until the counter reaches the value (for a request known to be on its way). */
  static void awaitAtLeast(AtomicInteger counter, int value) {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (counter.get() < value && System.nanoTime() < deadline) {
      pause(5);
    }
  }

  /** A short wait on the test thread, for the bounded polls above only. */
  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
