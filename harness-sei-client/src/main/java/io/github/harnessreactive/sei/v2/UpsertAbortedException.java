package io.github.harnessreactive.sei.v2;

import io.github.harnessreactive.core.exception.HarnessException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An upsert stopped at a batch because no later batch could succeed either: the cause says why
 * ({@code DeveloperSetupRequiredException} before the initial upload, {@code SeiPermissionException}
 * for a key without the role, {@code UnauthorizedException} for an invalid key, or an unexpected
 * failure). It names the batch and carries every record read from the source and not saved: the
 * batch's own and those already read for the next batches, so that with the results emitted before
 * it, every record read appears exactly once. The message gives counts, never the records.
 */
public class UpsertAbortedException extends HarnessException {

  private static final long serialVersionUID = 1L;

  private final int batchIndex;
  private final transient List<Map<String, String>> unsavedRecords;

  /**
   * @param batchIndex the 0-based index of the batch that was being sent
   * @param batchRecords the records of that batch
   * @param readAhead the records read from the source for the next batches, not sent
   * @param cause why the upload stopped
   */
  public UpsertAbortedException(int batchIndex, List<Map<String, String>> batchRecords,
      List<Map<String, String>> readAhead, Throwable cause) {
    super("the upload stopped at batch " + batchIndex + ": its " + batchRecords.size() + " record(s)"
        + (readAhead.isEmpty() ? "" : " and " + readAhead.size() + " read for the next batches")
        + " were not saved (unsavedRecords()): " + cause.getMessage(), cause);
    this.batchIndex = batchIndex;
    List<Map<String, String>> unsaved = new ArrayList<>(batchRecords);
    unsaved.addAll(readAhead);
    this.unsavedRecords = List.copyOf(unsaved);
  }

  /** The 0-based index of the batch the upload stopped at; the batches before it have their results. */
  public int batchIndex() {
    return batchIndex;
  }

  /** The records read and not saved, in order: the batch's, then those read for the next batches. */
  public List<Map<String, String>> unsavedRecords() {
    return unsavedRecords;
  }
}
