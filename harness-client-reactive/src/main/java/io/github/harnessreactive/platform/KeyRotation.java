package io.github.harnessreactive.platform;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.credentials.AuthHeader;
import io.github.harnessreactive.core.exception.UnauthorizedException;
import io.github.harnessreactive.platform.KeyRotationException.Step;
import reactor.core.publisher.Mono;

/**
 * Rotates the token a running client authenticates with, without a moment in which it has none
 * that works:
 *
 * <ol>
 *   <li>creates a new token for the same API key (with the old one);</li>
 *   <li>switches the client to it ({@link ApiKeyCredential#rotate}): its next HTTP attempt sends it;</li>
 *   <li>verifies it with one call (by default, reading the key);</li>
 *   <li>keeps it where the rotation says (a secret store), when it says so;</li>
 *   <li>revokes the old token (with the new one).</li>
 * </ol>
 *
 * <p>A failure at any step leaves the client on the old token, which still works, and revokes the
 * new one ({@link KeyRotationException} names the step). One case is decided by Harness's state: when
 * the revocation of the old token fails without an answer (a timeout) but went through, revoking the
 * new one with the old is refused as unauthorized; the client then keeps the new token and the
 * rotation completes, since that is exactly its intended end.
 *
 * <p>It does not use Harness's own rotation endpoint ({@link Tokens#rotate}): that call fixes the
 * old token's end when it is made, and does not say the new token's identifier, so a failed switch
 * could neither keep the old token working nor revoke the new one.
 *
 * <p>What changes with the token: the credential's {@linkplain ApiKeyCredential#identity() identity}
 * is the token id ({@code sat:<tokenId>}), so calls after the switch draw on a new rate-limit
 * partition, as Harness counts its limits per key; the Redis-shared limiter keys a hash of the
 * partition, so it starts a new shared bucket too, and the old one expires unused. Continuation
 * tokens and checkpoints are bound to the listing's query and the account, not the key: a listing
 * stopped before the rotation resumes after it, within the account. Calls in flight during the
 * switch keep the token they were sent with; later attempts (retries, next pages) send the new one.
 *
 * <p>The client's credential must be the {@link ApiKeyCredential} of a PAT or SAT; a
 * {@code HarnessContext} credential of a call is not rotated.
 */
public final class KeyRotation {

  private final HarnessClient client;
  private final PlatformClient platform;

  KeyRotation(HarnessClient client, PlatformClient platform) {
    this.client = client;
    this.platform = platform;
  }

  /**
   * Rotates the client's token as described above.
   *
   * @return the new token, once the old one is revoked; fails with {@link KeyRotationException}
   *     (old token in use again) or, before anything changed, {@link IllegalStateException} when the
   *     client's credential cannot be rotated
   */
  public Mono<IssuedToken> rotate(TokenRotation rotation) {
    return Mono.defer(() -> {
      ApiKeyCredential credential = rotatableCredential();
      return credential.authenticate().map(AuthHeader::value).flatMap(oldToken -> platform.tokens()
          .create(rotation.newTokenDefinition())
          .onErrorMap(failure -> new KeyRotationException(Step.CREATE,
              "could not create the new token " + rotation.newToken() + "; nothing changed", failure))
          .flatMap(issued -> switchVerifyRevoke(credential, oldToken, issued, rotation)));
    });
  }

  private Mono<IssuedToken> switchVerifyRevoke(ApiKeyCredential credential, String oldToken, IssuedToken issued,
      TokenRotation rotation) {
    credential.rotate(issued.value());
    return step(Step.VERIFY, Mono.defer(() -> rotation.verification().apply(platform)).then())
        .then(step(Step.KEEP, Mono.defer(() -> rotation.keepNewToken().apply(issued))))
        .then(step(Step.REVOKE, platform.tokens().delete(rotation.key(), rotation.currentToken())
            .filter(Boolean::booleanValue)
            .switchIfEmpty(Mono.error(() -> new IllegalStateException("Harness did not revoke token "
                + rotation.currentToken())))
            .then()))
        .thenReturn(issued)
        .onErrorResume(StepFailure.class, failure -> rollBack(credential, oldToken, issued, rotation, failure));
  }

  /** Back to the old token, then the new one revoked with it. */
  private Mono<IssuedToken> rollBack(ApiKeyCredential credential, String oldToken, IssuedToken issued,
      TokenRotation rotation, StepFailure failure) {
    credential.rotate(oldToken);
    String failed = "rotation of key " + rotation.key().identifier() + " failed at " + failure.step + "; the old token "
        + rotation.currentToken() + " is in use again";
    return platform.tokens().delete(rotation.key(), rotation.newToken())
        .then(Mono.<IssuedToken>error(() -> new KeyRotationException(failure.step,
            failed + " and the new token " + rotation.newToken() + " is revoked", failure.getCause())))
        .onErrorResume(revocation -> !(revocation instanceof KeyRotationException), revocation -> {
          if (failure.step == Step.REVOKE && revocation instanceof UnauthorizedException) {
            // The old token no longer works: its revocation went through although no answer said so.
            credential.rotate(issued.value());
            return Mono.just(issued);
          }
          KeyRotationException error = new KeyRotationException(failure.step,
              failed + "; the new token " + rotation.newToken() + " could not be revoked (see suppressed)", failure.getCause());
          error.addSuppressed(revocation);
          return Mono.error(error);
        });
  }

  private static <T> Mono<T> step(Step step, Mono<T> work) {
    return work.onErrorMap(failure -> new StepFailure(step, failure));
  }

  private ApiKeyCredential rotatableCredential() {
    if (client.credential() instanceof ApiKeyCredential key && key.isPlatformToken()) {
      return key;
    }
    throw new IllegalStateException("a key rotation needs the client's credential to be an ApiKeyCredential holding a"
        + " PAT or SAT, not " + client.credential());
  }

  /** A step's failure on its way to the rollback. */
  private static final class StepFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Step step;

    StepFailure(Step step, Throwable cause) {
      super(step.name(), cause, false, false);
      this.step = step;
    }
  }
}
