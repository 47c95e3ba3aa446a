package io.github.harnessreactive.sei;

import io.github.harnessreactive.core.exception.HarnessError;
import io.github.harnessreactive.core.exception.PreconditionFailedException;

/**
 * SEI 2.0 answered 412: developer records cannot be changed before the initial upload is done.
 * Do it once: {@code developers().initialUpload(csv)}, then {@code saveFieldMappings(versionId, ...)},
 * then {@code activate(versionId)}; upserts and deletes work from then on.
 */
public class DeveloperSetupRequiredException extends PreconditionFailedException {

  private static final long serialVersionUID = 1L;

  /** @param error the 412 as decoded; its message gains what to do */
  public DeveloperSetupRequiredException(HarnessError error) {
    super(error.withMessage(error.message()
        + " (complete the initial developer upload first: initialUpload, saveFieldMappings, activate)"));
  }
}
