package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.exception.BadRequestException;
import io.github.harnessreactive.core.exception.ForbiddenException;
import io.github.harnessreactive.core.exception.HarnessApiException;
import io.github.harnessreactive.core.exception.HarnessError;
import io.github.harnessreactive.core.exception.NotFoundException;
import io.github.harnessreactive.core.exception.PreconditionFailedException;
import io.github.harnessreactive.core.exception.RequestFailedException;
import io.github.harnessreactive.core.exception.ServerErrorException;
import io.github.harnessreactive.core.exception.TooManyRequestsException;
import io.github.harnessreactive.core.exception.UnauthorizedException;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Chooses the exception type for a decoded error: by Harness's error code first (Harness answers
 * an unknown route with 400 {@code RESOURCE_NOT_FOUND_EXCEPTION}, and a service throttle may be a
 * 400 {@code TOO_MANY_REQUESTS}), then by HTTP status. Unknown codes are normal and fall through
 * to the status.
 */
final class ErrorClassifier {

  private static final Map<Set<String>, Function<HarnessError, HarnessApiException>> BY_CODE = Map.of(
      Set.of("TOO_MANY_REQUESTS"), TooManyRequestsException::new,
      Set.of("INVALID_TOKEN", "EXPIRED_TOKEN", "INVALID_CREDENTIAL", "TOKEN_EXPIRED"), UnauthorizedException::new,
      Set.of("ACCESS_DENIED", "NG_ACCESS_DENIED"), ForbiddenException::new,
      Set.of("RESOURCE_NOT_FOUND_EXCEPTION", "RESOURCE_NOT_FOUND", "ENTITY_NOT_FOUND"), NotFoundException::new);

  private ErrorClassifier() {
  }

  static HarnessApiException classify(HarnessError error) {
    if (error.code() != null) {
      for (Map.Entry<Set<String>, Function<HarnessError, HarnessApiException>> entry : BY_CODE.entrySet()) {
        if (entry.getKey().contains(error.code())) {
          return entry.getValue().apply(error);
        }
      }
    }
    int status = error.status();
    return switch (status) {
      case 400 -> new BadRequestException(error);
      case 401 -> new UnauthorizedException(error);
      case 402 -> new RequestFailedException(error);
      case 403 -> new ForbiddenException(error);
      case 404 -> new NotFoundException(error);
      case 412 -> new PreconditionFailedException(error);
      case 429 -> new TooManyRequestsException(error);
      default -> status >= 500 && status < 600 ? new ServerErrorException(error) : new HarnessApiException(error);
    };
  }
}
