package io.github.harnessreactive.sei;

/** Where the SEI APIs live. An account's SEI data is served by one cluster; pick the one of yours. */
public enum SeiEndpoint {

  /** SEI v1 on Prod 1 (the default). */
  PROD1("https://app.harness.io/prod1/sei/api"),
  /** SEI v1 on Prod 2. */
  PROD2("https://app.harness.io/gratis/sei/api"),
  /** SEI v1 in the EU. */
  EU("https://accounts.eu.harness.io/sei/api"),
  /** SEI 2.0 through the Harness gateway (the default for SEI 2.0), with a PAT, SAT or SEI 2.0 key. */
  GATEWAY("https://app.harness.io/gateway/sei/api");

  private final String url;

  SeiEndpoint(String url) {
    this.url = url;
  }

  /** The base URL. */
  public String url() {
    return url;
  }
}
