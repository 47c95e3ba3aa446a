package io.github.harnessreactive.platform;

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

  /** The projects of an organization, streamed page by page. */
  public PagedFlux<ProjectResponse> list(String org) {
    return api.paged("listProjects", ProjectResponse.class, List.of(Scope.require(org, "org")),
        (a, page) -> a.listProjectsWithResponseSpec(org, Accounts.of(client), null, null, null, null, page.index(),
            page.size(), null, null));
  }

  /** One project of an organization by its identifier. */
  public Mono<ProjectResponse> get(String org, String project) {
    return api.call(a -> a.getProject(org, project, Accounts.of(client)));
  }

  /** Creates a project in the organization. Not repeated after a transient failure. */
  public Mono<ProjectResponse> create(String org, ProjectRequest project) {
    return api.call(a -> a.createProject(org, new CreateProjectRequest().project(project), Accounts.of(client)));
  }

  /** Replaces the project the request identifies, in the organization; fields left unset are not sent. */
  public Mono<ProjectResponse> update(String org, ProjectRequest project) {
    return api.call(a -> a.updateProject(org, project.getIdentifier(), new UpdateProjectRequest().project(project),
        Accounts.of(client)));
  }

  /** Deletes a project; answers what was deleted. */
  public Mono<ProjectResponse> delete(String org, String project) {
    return api.call(a -> a.deleteProject(org, project, Accounts.of(client)));
  }
}
