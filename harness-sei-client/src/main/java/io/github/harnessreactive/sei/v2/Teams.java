package io.github.harnessreactive.sei.v2;

import static io.github.harnessreactive.core.Identifiers.requireIdentifierOrNull;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v2.api.TeamsApi;
import io.github.harnessreactive.generated.sei.v2.model.TeamDeveloperDTO;
import io.github.harnessreactive.generated.sei.v2.model.TeamResponse;
import io.github.harnessreactive.generated.sei.v2.model.TeamSummary;
import io.github.harnessreactive.sei.SeiErrors;
import java.util.List;
import reactor.core.publisher.Mono;

/** Teams ({@code /v2/teams}): the teams of a project, one team's settings, its developers. */
public final class Teams {

  private final HarnessClient client;
  private final HarnessApi<TeamsApi> api;

  Teams(HarnessClient client) {
    this.client = client;
    this.api = client.api(TeamsApi.class);
  }

  /**
   * The teams of a project, streamed page by page.
   *
   * @param orgIdentifier the organization, or {@code null} for the context's
   * @param projectIdentifier the project, or {@code null} for the context's
   * @throws IllegalArgumentException when an identifier given is not a Harness identifier
   */
  public PagedFlux<TeamSummary> list(String orgIdentifier, String projectIdentifier) {
    requireIdentifierOrNull(orgIdentifier, "orgIdentifier");
    requireIdentifierOrNull(projectIdentifier, "projectIdentifier");
    return api.paged("listTeams", TeamSummary.class, List.of(orgIdentifier, projectIdentifier),
        (a, page) -> a.listTeamsWithResponseSpec(SeiV2.account(client), orgIdentifier, projectIdentifier, null,
            page.index(), page.size()))
        .mapErrors(SeiErrors::forbidden);
  }

  /** One team's details by its reference id. */
  public Mono<TeamResponse> info(int teamRefId) {
    return api.call(a -> a.getTeamInfo(teamRefId)).onErrorMap(SeiErrors::forbidden);
  }

  /** The developers of a team, streamed page by page. */
  public PagedFlux<TeamDeveloperDTO> developers(int teamRefId) {
    return api.paged("listTeamDevelopers", TeamDeveloperDTO.class, List.of(teamRefId),
        (a, page) -> a.listTeamDevelopersWithResponseSpec(teamRefId, null, null, null, null, null, null,
            page.index(), page.size()))
        .mapErrors(SeiErrors::forbidden);
  }
}
