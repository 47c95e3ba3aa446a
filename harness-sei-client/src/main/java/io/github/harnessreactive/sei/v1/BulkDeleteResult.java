package io.github.harnessreactive.sei.v1;

import io.github.harnessreactive.generated.sei.v1.model.BulkDeleteResponse;
import io.github.harnessreactive.generated.sei.v1.model.DeleteResponse;
import java.util.List;

/**
 * What a delete did, id by id. SEI answers a delete with HTTP 200 even when some ids were not
 * deleted; this result says which, so a partial failure is never a silent success.
 *
 * @param deleted the ids SEI deleted
 * @param failures the ids it did not delete, with its reason
 */
public record BulkDeleteResult(List<String> deleted, List<Failure> failures) {

  /**
   * One id SEI did not delete.
   *
   * @param id the id
   * @param error SEI's reason, or {@code null} when it gave none
   */
  public record Failure(String id, String error) {
  }

  public BulkDeleteResult {
    deleted = List.copyOf(deleted);
    failures = List.copyOf(failures);
  }

  /** Whether every id was deleted. */
  public boolean isComplete() {
    return failures.isEmpty();
  }

  static BulkDeleteResult of(BulkDeleteResponse response) {
    List<DeleteResponse> records = response.getRecords() == null ? List.of() : response.getRecords();
    return new BulkDeleteResult(
        records.stream().filter(r -> Boolean.TRUE.equals(r.getSuccess())).map(DeleteResponse::getId).toList(),
        records.stream().filter(r -> !Boolean.TRUE.equals(r.getSuccess())).map(r -> new Failure(r.getId(), r.getError())).toList());
  }
}
