package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.v1.api.ProjectsApi;
import io.github.harnessreactive.generated.platform.v1.model.CreateProjectRequest;
import io.github.harnessreactive.generated.platform.v1.model.ProjectRequest;
import io.github.harnessreactive.generated.platform.v1.model.ProjectResponse;
import io.github.harnessreactive.generated.platform.v1.model.UpdateProjectRequest;
import java.util.List;
import reactor.core.publisher.Mono;

/** The projects of an organization, over the v1 API ({@code /v1/orgs/{org}/projects}). */
public final class V1Projects {

  private final HarnessClient client;
  private final HarnessApi<ProjectsApi> api;

  V1Projects(HarnessClient client) {
    this.client = client;
    this.api = client.api(ProjectsApi.class);
  }

  /**
   * The projects of an organization, streamed page by page.
   *
   * @throws IllegalArgumentException when the organization is not a Harness identifier
   */
  public PagedFlux<ProjectResponse> list(String org) {
    return api.paged("listProjects", ProjectResponse.class, List.of(requireIdentifier(org, "org")),
        (a, page) -> a.listProjectsWithResponseSpec(org, Accounts.of(client), null, null, null, null, page.index(),
            page.size(), null, null));
  }

  /**
   * One project of an organization by its identifier.
   *
   * @throws IllegalArgumentException when an identifier is not a Harness identifier
   */
  public Mono<ProjectResponse> get(String org, String project) {
    requireProject(org, project);
    return api.call(a -> a.getProject(org, project, Accounts.of(client)));
  }

  /**
   * Creates a project in the organization. Not repeated after a transient failure.
   *
   * @throws IllegalArgumentException when the organization is not a Harness identifier
   */
  public Mono<ProjectResponse> create(String org, ProjectRequest project) {
    requireIdentifier(org, "org");
    return api.call(a -> a.createProject(org, new CreateProjectRequest().project(project), Accounts.of(client)));
  }

  /**
   * Replaces the project the request identifies, in the organization; fields left unset are not sent.
   *
   * @throws IllegalArgumentException when the organization or the request's identifier is not a Harness identifier
   */
  public Mono<ProjectResponse> update(String org, ProjectRequest project) {
    requireIdentifier(org, "org");
    String identifier = requireIdentifier(project.getIdentifier(), "project.identifier");
    return api.call(a -> a.updateProject(org, identifier, new UpdateProjectRequest().project(project), Accounts.of(client)));
  }

  /**
   * Deletes a project; answers what was deleted.
   *
   * @throws IllegalArgumentException when an identifier is not a Harness identifier
   */
  public Mono<ProjectResponse> delete(String org, String project) {
    requireProject(org, project);
    return api.call(a -> a.deleteProject(org, project, Accounts.of(client)));
  }

  private static void requireProject(String org, String project) {
    requireIdentifier(org, "org");
    requireIdentifier(project, "project");
  }
}
