package io.github.harnessreactive.platform;

import io.github.harnessreactive.core.HarnessClient;

/**
 * The Platform facades of a {@link HarnessClient}. Thread-safe; obtained from
 * {@link HarnessClient#platform()}.
 */
public final class PlatformClient {

  private final Organizations organizations;
  private final Projects projects;
  private final Connectors connectors;
  private final Pipelines pipelines;
  private final PipelineExecutions executions;
  private final V1 v1;

  /** For {@link HarnessClient}; applications call {@link HarnessClient#platform()}. */
  public PlatformClient(HarnessClient client) {
    this.organizations = new Organizations(client);
    this.projects = new Projects(client);
    this.connectors = new Connectors(client);
    this.pipelines = new Pipelines(client);
    this.executions = new PipelineExecutions(client);
    this.v1 = new V1(new V1Organizations(client), new V1Projects(client));
  }

  /** Organizations (NG API). */
  public Organizations organizations() {
    return organizations;
  }

  /** Projects (NG API). */
  public Projects projects() {
    return projects;
  }

  /** Connectors (NG API). */
  public Connectors connectors() {
    return connectors;
  }

  /** Pipelines (NG pipeline service and v1 API). */
  public Pipelines pipelines() {
    return pipelines;
  }

  /** Pipeline runs (v1 API). */
  public PipelineExecutions executions() {
    return executions;
  }

  /** Organizations and projects over the v1 API. */
  public V1 v1() {
    return v1;
  }

  /**
   * The v1 API's organizations and projects.
   *
   * @param organizations {@code /v1/orgs}
   * @param projects {@code /v1/orgs/{org}/projects}
   */
  public record V1(V1Organizations organizations, V1Projects projects) {
  }
}
