package io.github.harnessreactive.sei.v2;

import java.time.Duration;

/**
 * An SEI 2.0 export job did not finish within {@link ExportOptions#maxWait()}: it stayed in a
 * working status, or in a status the client does not know (the message says which). Polling has
 * stopped; the job may still finish: {@code download(jobId)} waits for it again.
 */
public class ExportJobTimeoutException extends ExportJobException {

  private static final long serialVersionUID = 1L;

  private final Duration waited;
  private final boolean knownStatus;

  /**
   * @param kind the kind of export
   * @param jobId the job's id
   * @param status the job's last status; {@code null} when no poll answered
   * @param knownStatus whether that status is one the options know
   * @param waited how long the client waited
   */
  public ExportJobTimeoutException(String kind, String jobId, String status, boolean knownStatus, Duration waited) {
    super(kind, jobId, status, kind + " job " + jobId + " did not finish within " + waited + ": "
        + (status == null ? "no status was read"
            : knownStatus ? "its status was still " + status
            : "it stayed in status '" + status + "', which the client does not know (ExportOptions.withStatuses)"));
    this.waited = waited;
    this.knownStatus = knownStatus;
  }

  /** How long the client waited. */
  public Duration waited() {
    return waited;
  }

  /** Whether the last status was one the options know (a working status), rather than an unknown one. */
  public boolean knownStatus() {
    return knownStatus;
  }
}
