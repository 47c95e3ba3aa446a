package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;
import static io.github.harnessreactive.core.Identifiers.requireIdentifierOrNull;

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

  /**
   * The projects of an organization, streamed page by page.
   *
   * @throws IllegalArgumentException when the organization is not a Harness identifier
   */
  public PagedFlux<ProjectResponse> list(String orgIdentifier) {
    String org = requireIdentifier(orgIdentifier, "orgIdentifier");
    return api.paged("listProjects", ProjectResponse.class, List.of(org),
        (a, page) -> a.listProjectsWithResponseSpec(Accounts.of(client), org, null, null, null, null,
            page.index(), page.size(), null, null, null));
  }

  /**
   * One project; empty when Harness answers without one.
   *
   * @param orgIdentifier its organization, or {@code null} for the context's or Harness's default
   * @throws IllegalArgumentException when an identifier given is not a Harness identifier
   */
  public Mono<ProjectResponse> get(String orgIdentifier, String identifier) {
    requireIdentifierOrNull(orgIdentifier, "orgIdentifier");
    requireIdentifier(identifier, "identifier");
    return api.call(a -> a.getProject(identifier, Accounts.of(client), orgIdentifier)).mapNotNull(ResponseDTOProjectResponse::getData);
  }

  /**
   * Creates a project in the organization the project names. Not repeated after a transient failure.
   *
   * @throws IllegalArgumentException when the project's organization is given and is not a Harness identifier
   */
  public Mono<ProjectResponse> create(Project project) {
    String org = requireIdentifierOrNull(project.getOrgIdentifier(), "project.orgIdentifier");
    return api.call(a -> a.createProject(Accounts.of(client), new ProjectRequest().project(project), org))
        .mapNotNull(ResponseDTOProjectResponse::getData);
  }

  /**
   * Replaces a project's definition.
   *
   * @throws IllegalArgumentException when the project's identifier, or its organization when given,
   *     is not a Harness identifier
   */
  public Mono<ProjectResponse> update(Project project) {
    String identifier = requireIdentifier(project.getIdentifier(), "project.identifier");
    String org = requireIdentifierOrNull(project.getOrgIdentifier(), "project.orgIdentifier");
    return api.call(a -> a.updateProject(identifier, Accounts.of(client), new ProjectRequest().project(project),
        null, org)).mapNotNull(ResponseDTOProjectResponse::getData);
  }

  /**
   * Deletes a project; {@code true} when Harness deleted it.
   *
   * @param orgIdentifier its organization, or {@code null} for the context's or Harness's default
   * @throws IllegalArgumentException when an identifier given is not a Harness identifier
   */
  public Mono<Boolean> delete(String orgIdentifier, String identifier) {
    requireIdentifierOrNull(orgIdentifier, "orgIdentifier");
    requireIdentifier(identifier, "identifier");
    return api.call(a -> a.deleteProject(identifier, Accounts.of(client), null, orgIdentifier)).mapNotNull(ResponseDTOBoolean::getData);
  }
}
