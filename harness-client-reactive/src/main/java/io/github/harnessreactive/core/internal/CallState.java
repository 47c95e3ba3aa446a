package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.catalogue.OperationInfo;
import io.github.harnessreactive.core.HarnessContext;
import io.github.harnessreactive.core.credentials.HarnessCredential;
import io.micrometer.observation.Observation;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import reactor.util.context.ContextView;

/**
 * What one logical call knows about itself, shared between the call layer and the per-attempt
 * filters through the Reactor context: the service, the effective credential and overrides, the
 * operation once the first attempt has identified it, and the last response received.
 * Attempts of one call are sequential; fields are volatile for visibility across threads.
 */
public final class CallState {

  private static final Object KEY = CallState.class;

  private final String document;
  private final HarnessCredential credential;
  private final HarnessContext overrides;
  private final Set<String> secrets = ConcurrentHashMap.newKeySet();
  private volatile OperationInfo operation;
  private volatile Observation observation = Observation.NOOP;
  private volatile int attempts;
  private volatile int lastStatus;
  private volatile HttpHeaders lastHeaders = HttpHeaders.EMPTY;
  private volatile String lastMethod = "";
  private volatile URI lastUrl;

  CallState(String document, HarnessCredential credential, HarnessContext overrides) {
    this.document = document;
    this.credential = credential;
    this.overrides = overrides;
  }

  /** The state of the call a filter runs for. */
  static Optional<CallState> from(ContextView context) {
    return context.getOrEmpty(KEY);
  }

  Object key() {
    return KEY;
  }

  String document() {
    return document;
  }

  HarnessCredential credential() {
    return credential;
  }

  HarnessContext overrides() {
    return overrides;
  }

  Observation observation() {
    return observation;
  }

  void observation(Observation observation) {
    this.observation = observation;
  }

  /**
   * Whether the call may be repeated after a transient failure: as the catalogue says, or for an
   * operation it does not know, by method (GET, HEAD, PUT, DELETE, OPTIONS).
   */
  boolean retrySafe() {
    OperationInfo current = operation;
    return current != null ? current.retrySafe()
        : Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS").contains(lastMethod);
  }

  /** The operation, once an attempt has been made; empty before that or when it is not catalogued. */
  Optional<OperationInfo> operation() {
    return Optional.ofNullable(operation);
  }

  void operation(OperationInfo operation) {
    this.operation = operation;
  }

  /** A low-cardinality name for the call: the operation id, or {@code unknown}. */
  String operationId() {
    OperationInfo current = operation;
    return current == null ? "unknown" : current.operationId();
  }

  int attempts() {
    return attempts;
  }

  void attemptStarted(String method, URI url) {
    attempts++;
    lastStatus = 0;
    lastHeaders = HttpHeaders.EMPTY;
    lastMethod = method;
    lastUrl = url;
  }

  void responseReceived(int status, HttpHeaders headers) {
    lastStatus = status;
    lastHeaders = headers;
  }

  /** The status of the last attempt's response, or 0 when none arrived. */
  int lastStatus() {
    return lastStatus;
  }

  HttpHeaders lastHeaders() {
    return lastHeaders;
  }

  String lastMethod() {
    return lastMethod;
  }

  /** The last attempt's URL, redacted for display. */
  String lastUrl() {
    return Redactor.url(lastUrl);
  }

  /** Remembers a secret sent with this call, so that it can be scrubbed from anything displayed. */
  void secretSent(String headerValue) {
    secrets.add(headerValue);
    int space = headerValue.lastIndexOf(' ');
    if (space >= 0) {
      secrets.add(headerValue.substring(space + 1));
    }
  }

  Set<String> secrets() {
    return secrets;
  }
}
