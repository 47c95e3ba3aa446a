package io.github.harnessreactive.sei.v1;

import io.github.harnessreactive.core.HarnessClient;

/** The SEI v1 facades of one client (built with an SEI v1 API key). Thread-safe. */
public final class SeiV1 {

  private final CollectionCategories collectionCategories;
  private final Collections collections;
  private final Contributors contributors;
  private final Integrations integrations;
  private final Scm scm;
  private final Issues issues;
  private final Dora dora;

  /** For {@link io.github.harnessreactive.sei.SeiClient}; applications call {@code seiClient.v1()}. */
  public SeiV1(HarnessClient client) {
    this.collectionCategories = new CollectionCategories(client);
    this.collections = new Collections(client);
    this.contributors = new Contributors(client);
    this.integrations = new Integrations(client);
    this.scm = new Scm(client);
    this.issues = new Issues(client);
    this.dora = new Dora(client);
  }

  /** Collection categories ({@code /v1/org/groups}). */
  public CollectionCategories collectionCategories() {
    return collectionCategories;
  }

  /** Collections, SEI's organisation units ({@code /v1/org/units}). */
  public Collections collections() {
    return collections;
  }

  /** Contributors ({@code /v1/org/users}). */
  public Contributors contributors() {
    return contributors;
  }

  /** Integrations ({@code /v1/integrations}). */
  public Integrations integrations() {
    return integrations;
  }

  /** Source-control data: commits, pull requests, committers, contributors. */
  public Scm scm() {
    return scm;
  }

  /** Issue-tracker data: Jira issues and work items. */
  public Issues issues() {
    return issues;
  }

  /** DORA metrics and their drill-down. */
  public Dora dora() {
    return dora;
  }
}
