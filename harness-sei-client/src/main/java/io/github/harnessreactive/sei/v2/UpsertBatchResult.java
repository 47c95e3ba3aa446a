package io.github.harnessreactive.sei.v2;

import io.github.harnessreactive.core.exception.HarnessException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What happened to one upsert request (a batch of developer records).
 *
 * <ul>
 *   <li>{@link Outcome#SAVED}: SEI accepted every record of the batch.</li>
 *   <li>{@link Outcome#REJECTED}: SEI answered with validation errors ({@code status: FAILURE} or
 *       {@code errors}); {@link #errorGroups()} gives them as SEI grouped them. SEI names only sample
 *       developers per group, not every failed record: {@link #failedRecordsKnown()} is then false and
 *       the batch's records are all listed as "the batch", without guessing which failed.</li>
 *   <li>{@link Outcome#FAILED}: the request failed (after the retries the policy allows);
 *       {@link #failure()} says why, and every record of the batch is unsaved.</li>
 * </ul>
 *
 * @param batchIndex the 0-based position of the batch in the upload
 * @param records the records of the batch, in order
 * @param characters the size of the batch's request body, in characters
 * @param outcome what happened
 * @param errorGroups SEI's validation error groups (empty unless rejected)
 * @param failureCause the failure, for a failed batch
 */
public record UpsertBatchResult(
    int batchIndex,
    List<Map<String, String>> records,
    int characters,
    Outcome outcome,
    List<ErrorGroup> errorGroups,
    HarnessException failureCause) {

  /** The outcome of a batch. */
  public enum Outcome { SAVED, REJECTED, FAILED }

  /**
   * One group of validation errors, as SEI reports it.
   *
   * @param type the error type, such as {@code DUPLICATE_EMAIL} or {@code REQUIRED_FIELD_MISSING}
   * @param field the field it concerns, or {@code null}
   * @param message SEI's message, or {@code null}
   * @param developerCount how many developers have it
   * @param sampleDevelopers a sample of them, as SEI chose
   * @param invalidEmails the e-mails SEI named as invalid
   */
  public record ErrorGroup(String type, String field, String message, Integer developerCount,
      List<Map<String, String>> sampleDevelopers, List<String> invalidEmails) {
  }

  public UpsertBatchResult {
    records = List.copyOf(records);
    errorGroups = List.copyOf(errorGroups);
  }

  /** Why the batch failed ({@link Outcome#FAILED}); empty otherwise. */
  public Optional<HarnessException> failure() {
    return Optional.ofNullable(failureCause);
  }

  /**
   * Whether the records that failed are known one by one: true when the batch was saved (none
   * failed) or failed whole (all did); false when SEI rejected some records and named only samples.
   */
  public boolean failedRecordsKnown() {
    return outcome != Outcome.REJECTED;
  }
}
