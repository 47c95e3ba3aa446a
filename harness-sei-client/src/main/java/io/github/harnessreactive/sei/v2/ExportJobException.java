package io.github.harnessreactive.sei.v2;

import io.github.harnessreactive.core.exception.HarnessException;
import java.util.Optional;

/**
 * An SEI 2.0 export job did not give its file: it could not be identified, it ended without a file
 * ({@link ExportJobFailedException}), or it did not finish in time ({@link ExportJobTimeoutException}).
 * The message names the kind of export and the job.
 */
public class ExportJobException extends HarnessException {

  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String jobId;
  private final String status;

  /**
   * @param kind the kind of export, such as {@code productivity export}
   * @param jobId the job's id; {@code null} when the job could not be identified
   * @param status the job's last status; {@code null} when none was seen
   * @param message what went wrong, naming the job
   */
  public ExportJobException(String kind, String jobId, String status, String message) {
    super(message);
    this.kind = kind;
    this.jobId = jobId;
    this.status = status;
  }

  /** The kind of export, such as {@code productivity export}. */
  public String kind() {
    return kind;
  }

  /** The job's id; empty when the job could not be identified. */
  public Optional<String> jobId() {
    return Optional.ofNullable(jobId);
  }

  /** The job's last status; empty when none was seen. */
  public Optional<String> status() {
    return Optional.ofNullable(status);
  }
}
