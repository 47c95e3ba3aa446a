package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.HarnessContext;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.catalogue.OperationInfo;
import io.github.harnessreactive.core.credentials.AuthHeader;
import io.github.harnessreactive.core.credentials.HarnessCredential;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * What one logical call is, handed from the call layer to the per-attempt filters through the
 * Reactor context: its service, effective credential and overrides, where its events go, and the
 * record of its attempts.
 *
 * <p>Who writes what is fixed: the call layer creates it; {@link AttemptFilter}, the first filter of
 * every attempt, identifies the operation (once) and records each {@link Attempt}; {@link
 * CredentialFilter} registers the secret it sends, so that anything displayed can be scrubbed of it.
 * Every other layer only reads. Attempts of one call are sequential; fields are volatile for
 * visibility across the threads they run on.
 */
final class CallState {

  private static final Object KEY = CallState.class;
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

  private final HarnessService service;
  private final HarnessCredential credential;
  private final HarnessContext overrides;
  private final CallEvents events;
  private final boolean streamed;
  private final Set<String> secrets = ConcurrentHashMap.newKeySet();
  private volatile AuthHeader sent;
  private volatile OperationInfo operation;
  private volatile Attempt attempt = Attempt.NONE;

  CallState(HarnessService service, HarnessCredential credential, HarnessContext overrides, CallEvents events,
      boolean streamed) {
    this.service = service;
    this.credential = credential;
    this.overrides = overrides;
    this.events = events;
    this.streamed = streamed;
  }

  /**
   * The state of the call a filter runs for.
   *
   * @throws IllegalStateException when the request was not made through the call layer: a
   *     generated API used outside {@code HarnessApi.call}, {@code callMany} or {@code paged}
   */
  static CallState require(ContextView context) {
    return context.<CallState>getOrEmpty(KEY).orElseThrow(() -> new IllegalStateException(
        "a request reached the harness-reactive filters outside a call: use generated APIs only inside"
            + " HarnessApi.call, callMany or paged"));
  }

  /** The context with this state in it, for the layers below. */
  Context writeTo(Context context) {
    return context.put(KEY, this);
  }

  HarnessService service() {
    return service;
  }

  /** The name of the call's OpenAPI document, such as {@code platform-ng}. */
  String document() {
    return service.document();
  }

  /** The effective credential: the context's override, else the client's. */
  HarnessCredential credential() {
    return credential;
  }

  HarnessContext overrides() {
    return overrides;
  }

  CallEvents events() {
    return events;
  }

  /** Whether the call answers a stream decoded as it arrives (rather than one value). */
  boolean streamed() {
    return streamed;
  }

  /** The operation, once the first attempt has identified it; empty before that, or when it is not catalogued. */
  Optional<OperationInfo> operation() {
    return Optional.ofNullable(operation);
  }

  /** Written once, by {@link AttemptFilter}. */
  void identified(OperationInfo operation) {
    this.operation = operation;
  }

  /** A low-cardinality name for the call: the operation id, or {@code unknown}. */
  String operationId() {
    OperationInfo current = operation;
    return current == null ? "unknown" : current.operationId();
  }

  /**
   * Whether the call may be repeated after a transient failure: as the catalogue says, or for an
   * operation it does not know, by the attempt's method (GET, HEAD, PUT, DELETE, OPTIONS).
   */
  boolean retrySafe() {
    OperationInfo current = operation;
    return current != null ? current.retrySafe() : SAFE_METHODS.contains(attempt.method());
  }

  /** The latest attempt; {@link Attempt#NONE} before the first. */
  Attempt attempt() {
    return attempt;
  }

  /** Written by {@link AttemptFilter} only. */
  void attempted(Attempt attempt) {
    this.attempt = attempt;
  }

  /**
   * Written by {@link CredentialFilter}: the credential's header sent with this attempt; its value
   * (and its last word, the bare key) is a secret of the call.
   */
  void credentialSent(AuthHeader header) {
    sent = header;
    secrets.add(header.value());
    int space = header.value().lastIndexOf(' ');
    if (space >= 0) {
      secrets.add(header.value().substring(space + 1));
    }
  }

  /** The credential's header the latest attempt sent; {@code null} before one was sent. */
  AuthHeader credentialSent() {
    return sent;
  }

  /** The secrets sent with this call, to scrub from anything displayed. */
  Set<String> secrets() {
    return secrets;
  }
}
