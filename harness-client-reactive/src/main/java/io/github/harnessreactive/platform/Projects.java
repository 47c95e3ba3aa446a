package io.github.harnessreactive.platform;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import io.github.harnessreactive.generated.platform.ng.model.Project;
import io.github.harnessreactive.generated.platform.ng.model.ProjectRequest;
import io.github.harnessreactive.generated.platform.ng.model.ProjectResponse;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOBoolean;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOProjectResponse;
import java.util.List;
import reactor.core.publisher.Mono;

/** The projects of the account's organizations, over the Platform NG API ({@code /ng/api/projects}). */
public final class Projects {

  private final HarnessClient client;
  private final HarnessApi<ProjectsApi> api;

  Projects(HarnessClient client) {
    this.client = client;
    this.api = client.api(ProjectsApi.class);
  }

  /** The projects of an organization, streamed page by page. */
  public PagedFlux<ProjectResponse> list(String orgIdentifier) {
    String org = Scope.require(orgIdentifier, "orgIdentifier");
    return api.paged("listProjects", ProjectResponse.class, List.of(org),
        (a, page) -> a.listProjectsWithResponseSpec(Accounts.of(client), org, null, null, null, null,
            page.index(), page.size(), null, null, null));
  }

  /** One project; empty when Harness answers without one. */
  public Mono<ProjectResponse> get(String orgIdentifier, String identifier) {
    return api.call(a -> a.getProject(identifier, Accounts.of(client), orgIdentifier)).mapNotNull(ResponseDTOProjectResponse::getData);
  }

  /** Creates a project in the organization the project names. Not repeated after a transient failure. */
  public Mono<ProjectResponse> create(Project project) {
    return api.call(a -> a.createProject(Accounts.of(client), new ProjectRequest().project(project), project.getOrgIdentifier()))
        .mapNotNull(ResponseDTOProjectResponse::getData);
  }

  /** Replaces a project's definition. */
  public Mono<ProjectResponse> update(Project project) {
    return api.call(a -> a.updateProject(project.getIdentifier(), Accounts.of(client), new ProjectRequest().project(project),
        null, project.getOrgIdentifier())).mapNotNull(ResponseDTOProjectResponse::getData);
  }

  /** Deletes a project; {@code true} when Harness deleted it. */
  public Mono<Boolean> delete(String orgIdentifier, String identifier) {
    return api.call(a -> a.deleteProject(identifier, Accounts.of(client), null, orgIdentifier)).mapNotNull(ResponseDTOBoolean::getData);
  }
}
