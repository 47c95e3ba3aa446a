package io.github.harnessreactive.sei;

import io.github.harnessreactive.core.exception.ForbiddenException;
import io.github.harnessreactive.core.exception.HarnessError;

/**
 * SEI refused a call with 403. SEI API keys carry one role: SEI Admin (settings, collections,
 * contributors, developer records) or SEI Ingestion (sending data in); a key of the other role is
 * refused. The message says so; check the key's role in SEI settings.
 */
public class SeiPermissionException extends ForbiddenException {

  private static final long serialVersionUID = 1L;

  /** @param error the 403 as decoded; its message gains the roles that may be missing */
  public SeiPermissionException(HarnessError error) {
    super(error.withMessage(error.message()
        + " (the SEI API key may lack the role this operation needs: SEI Admin or SEI Ingestion)"));
  }
}
