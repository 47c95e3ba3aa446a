package io.github.harnessreactive.sei;

import io.github.harnessreactive.core.exception.ForbiddenException;
import io.github.harnessreactive.core.exception.PreconditionFailedException;

/** What the SEI facades add to the runtime's typed errors: the SEI-specific meaning of 403 and 412. */
public final class SeiErrors {

  private SeiErrors() {
  }

  /** A 403 becomes a {@link SeiPermissionException} naming the roles. */
  public static Throwable forbidden(Throwable failure) {
    return failure instanceof ForbiddenException forbidden && !(failure instanceof SeiPermissionException)
        ? new SeiPermissionException(forbidden.error()) : failure;
  }

  /** For developer-record calls: a 412 becomes a {@link DeveloperSetupRequiredException}; a 403 as {@link #forbidden}. */
  public static Throwable developerRecords(Throwable failure) {
    if (failure instanceof PreconditionFailedException precondition && !(failure instanceof DeveloperSetupRequiredException)) {
      return new DeveloperSetupRequiredException(precondition.error());
    }
    return forbidden(failure);
  }
}
