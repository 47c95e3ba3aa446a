package io.github.harnessreactive.sei.v2;

import java.util.List;

/**
 * What deleting developer records did. SEI answers with HTTP 200 and a status; a
 * {@code FAILURE} or reported errors make this a partial failure, never a silent success.
 *
 * @param emails the e-mails asked to be deleted
 * @param complete whether SEI reported success without errors
 * @param errorGroups the errors SEI reported, as it grouped them
 */
public record DeleteDevelopersResult(List<String> emails, boolean complete, List<UpsertBatchResult.ErrorGroup> errorGroups) {

  public DeleteDevelopersResult {
    emails = List.copyOf(emails);
    errorGroups = List.copyOf(errorGroups);
  }
}
