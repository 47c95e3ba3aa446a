package io.github.harnessreactive.core.exception;

/**
 * Harness (or a proxy in front of it) answered with a redirect (HTTP 3xx). The runtime never
 * follows redirects, so no credential is ever sent to the host a redirect names; check the base URL.
 */
public class UnexpectedRedirectException extends HarnessApiException {

  private static final long serialVersionUID = 1L;

  private final String location;

  /**
   * @param error what Harness said, decoded
   * @param location the {@code Location} of the redirect with its query values redacted, or {@code null}
   */
  public UnexpectedRedirectException(HarnessError error, String location) {
    super(error);
    this.location = location;
  }

  /** The {@code Location} the response pointed at, or {@code null}; its query values are redacted. */
  public String location() {
    return location;
  }
}
