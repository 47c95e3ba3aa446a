package io.github.harnessreactive.platform;

import io.github.harnessreactive.core.HarnessClient;
import java.util.Objects;

/**
 * The Platform facades of a {@link HarnessClient}: organizations, projects, connectors, pipelines
 * and pipeline runs over the NG API, organizations and projects over the v1 API.
 *
 * <pre>{@code
 * PlatformClient platform = PlatformClient.of(client);
 * platform.projects().list("default").subscribe(project -> ...);
 * }</pre>
 *
 * <p>Holds no state of its own beyond the client: creating several over one client is cheap,
 * and every call goes through that client's layers. Thread-safe.
 */
public final class PlatformClient {

  private final Organizations organizations;
  private final Projects projects;
  private final Connectors connectors;
  private final Pipelines pipelines;
  private final PipelineExecutions executions;
  private final V1 v1;

  private PlatformClient(HarnessClient client) {
    this.organizations = new Organizations(client);
    this.projects = new Projects(client);
    this.connectors = new Connectors(client);
    this.pipelines = new Pipelines(client);
    this.executions = new PipelineExecutions(client);
    this.v1 = new V1(new V1Organizations(client), new V1Projects(client));
  }

  /**
   * The Platform facades over a client.
   *
   * @param client the client whose credential, account and layers every call uses
   * @return the facades
   * @throws NullPointerException when the client is {@code null}
   */
  public static PlatformClient of(HarnessClient client) {
    return new PlatformClient(Objects.requireNonNull(client, "client"));
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
