package io.github.harnessreactive.sei.v2;

import static io.github.harnessreactive.core.Identifiers.requireIdentifierOrNull;
import static io.github.harnessreactive.core.Identifiers.requirePathValue;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v2.api.TeamsApi;
import io.github.harnessreactive.generated.sei.v2.model.AssociateDevelopersRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.DisassociateDevelopersRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.GroupedTeamFiltersResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.TeamDeveloperDTO;
import io.github.harnessreactive.generated.sei.v2.model.TeamInfoUpdateRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.TeamIntegrationDTO;
import io.github.harnessreactive.generated.sei.v2.model.TeamResponse;
import io.github.harnessreactive.generated.sei.v2.model.TeamSummary;
import io.github.harnessreactive.sei.SeiErrors;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Teams ({@code /v2/teams}): the teams of a project, one team's settings, its developers; renaming a
 * team, setting its integrations and filters, adding and removing its developers.
 */
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

  /**
   * Changes a team's information (its name).
   *
   * @param teamRefId the team
   * @param editorEmail the e-mail of the user the change is made as (SEI requires it)
   * @param info the new information
   * @throws IllegalArgumentException when {@code editorEmail} is blank, {@code .} or {@code ..}
   * @throws NullPointerException when an argument is {@code null}
   */
  public Mono<TeamResponse> updateInfo(int teamRefId, String editorEmail, TeamInfoUpdateRequestDTO info) {
    requirePathValue(editorEmail, "editorEmail");
    Objects.requireNonNull(info, "info");
    return api.call(a -> a.updateTeamInfo(teamRefId, SeiV2.account(client), editorEmail, info))
        .onErrorMap(SeiErrors::forbidden);
  }

  /**
   * Replaces the integrations a team draws its data from.
   *
   * @throws NullPointerException when {@code integrations} is {@code null}
   */
  public Mono<Void> updateIntegrations(int teamRefId, TeamIntegrationDTO integrations) {
    Objects.requireNonNull(integrations, "integrations");
    return api.call(a -> a.updateTeamIntegrations(teamRefId, SeiV2.account(client), integrations))
        .onErrorMap(SeiErrors::forbidden);
  }

  /**
   * Replaces the filters a team applies to its integrations, in the shape SEI answers them
   * ({@code GET /v2/teams/{teamRefId}/integration_filters}).
   *
   * @throws NullPointerException when {@code filters} is {@code null}
   */
  public Mono<Void> updateIntegrationFilters(int teamRefId, GroupedTeamFiltersResponseDTO filters) {
    Objects.requireNonNull(filters, "filters");
    return api.call(a -> a.updateTeamIntegrationFilters(teamRefId, SeiV2.account(client), filters))
        .onErrorMap(SeiErrors::forbidden);
  }

  /**
   * Adds developers to a team.
   *
   * @param developerRefIds the developers, by reference id
   * @throws IllegalArgumentException when {@code developerRefIds} is empty
   * @throws NullPointerException when {@code developerRefIds} is or holds {@code null}
   */
  public Mono<Void> addDevelopers(int teamRefId, List<Integer> developerRefIds) {
    AssociateDevelopersRequestDTO request = new AssociateDevelopersRequestDTO().developerRefIds(developers(developerRefIds));
    return api.call(a -> a.associateTeamDevelopers(teamRefId, request)).onErrorMap(SeiErrors::forbidden);
  }

  /**
   * Removes developers from a team (they stay developers of the account).
   *
   * @param developerRefIds the developers, by reference id
   * @throws IllegalArgumentException when {@code developerRefIds} is empty
   * @throws NullPointerException when {@code developerRefIds} is or holds {@code null}
   */
  public Mono<Void> removeDevelopers(int teamRefId, List<Integer> developerRefIds) {
    DisassociateDevelopersRequestDTO request =
        new DisassociateDevelopersRequestDTO().developerRefIds(developers(developerRefIds));
    return api.call(a -> a.disassociateTeamDevelopers(teamRefId, request)).onErrorMap(SeiErrors::forbidden);
  }

  private static List<Integer> developers(List<Integer> developerRefIds) {
    List<Integer> ids = List.copyOf(developerRefIds);
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("name at least one developer");
    }
    return ids;
  }
}
