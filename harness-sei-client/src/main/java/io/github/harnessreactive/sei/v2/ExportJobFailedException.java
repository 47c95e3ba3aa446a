package io.github.harnessreactive.sei.v2;

/**
 * An SEI 2.0 export job ended without a file: its status is one of
 * {@link ExportJobStatuses#isFailed failed} ones ({@code FAILED}, {@code CANCELLED}). The message
 * names the job, its status and the reason SEI gave, if any. Starting a new export may succeed.
 */
public class ExportJobFailedException extends ExportJobException {

  private static final long serialVersionUID = 1L;

  private final String reason;

  /**
   * @param kind the kind of export
   * @param jobId the job's id
   * @param status the status that ended it
   * @param reason the reason SEI gave; {@code null} when none
   */
  public ExportJobFailedException(String kind, String jobId, String status, String reason) {
    super(kind, jobId, status, kind + " job " + jobId + " ended with status " + status
        + (reason == null || reason.isBlank() ? "" : ": " + reason));
    this.reason = reason;
  }

  /** The reason SEI gave for the failure; {@code null} when none. */
  public String reason() {
    return reason;
  }
}
