package io.github.harnessreactive.platform;

import io.github.harnessreactive.core.exception.HarnessError;
import io.github.harnessreactive.core.exception.ResponseDecodeException;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOString;
import reactor.core.publisher.Mono;

/**
 * Reads the answers that carry a new token (create and rotate) so that the token reaches the caller
 * and nothing else: a body that does not decode fails without its excerpt and without the decoder's
 * message (either may quote the token), since the runtime's scrubbing only knows the call's own
 * credential.
 */
final class IssuedTokenAnswers {

  private IssuedTokenAnswers() {
  }

  /**
   * The issued token of an answer.
   *
   * @param answer the call answering {@code ResponseDTOString} whose {@code data} is the token
   * @param identifier the token's identifier when the caller chose it, else {@code null}
   */
  static Mono<IssuedToken> read(Mono<ResponseDTOString> answer, String identifier) {
    return answer
        .onErrorMap(ResponseDecodeException.class, IssuedTokenAnswers::withoutBody)
        .mapNotNull(ResponseDTOString::getData)
        .filter(token -> !token.isBlank())
        .switchIfEmpty(Mono.error(() -> new ResponseDecodeException(HarnessError.of(200,
            "Harness answered no token (data is empty)", "", ""), false, null)))
        .map(token -> new IssuedToken(identifier, token));
  }

  /** The same failure with the status, method and URL it had, but no body excerpt, decoder message or cause. */
  static ResponseDecodeException withoutBody(ResponseDecodeException failure) {
    HarnessError error = failure.error();
    return new ResponseDecodeException(HarnessError.of(error.status(),
        "the answer does not decode; its body is not shown because it carries a new token",
        error.method(), error.url()).withCorrelationId(error.correlationId()), failure.isTruncated(), null);
  }
}
