package io.github.harnessreactive.sei.v2;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v2.api.CustomVariablesApi;
import io.github.harnessreactive.generated.sei.v2.model.CreateCustomVariableRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.CustomVariableResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.CustomVariableTeamOverrideResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.TeamCustomVariablesResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.UpdateCustomVariableRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.UpdateCustomVariableTeamOverrideRequestDTO;
import io.github.harnessreactive.sei.SeiErrors;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The custom variables of a project ({@code /v2/custom-variables}): named values with defaults,
 * which teams may override. Every method takes the project's organization and project
 * identifiers. Thread-safe.
 */
public final class CustomVariables {

  private final HarnessApi<CustomVariablesApi> api;

  CustomVariables(HarnessClient client) {
    this.api = client.api(CustomVariablesApi.class);
  }

  /**
   * The custom variables of a project, streamed page by page.
   *
   * @throws IllegalArgumentException when {@code org} or {@code project} is not a Harness identifier
   * @throws NullPointerException when an argument is {@code null}
   */
  public PagedFlux<CustomVariableResponseDTO> list(String org, String project) {
    scope(org, project);
    return api.paged("listCustomVariables", CustomVariableResponseDTO.class, List.of(org, project),
        (a, page) -> a.listCustomVariablesWithResponseSpec(org, project, page.index(), page.size()))
        .mapErrors(SeiErrors::forbidden);
  }

  /**
   * Creates a custom variable.
   *
   * @throws IllegalArgumentException when {@code org} or {@code project} is not a Harness identifier
   * @throws NullPointerException when an argument is {@code null}
   */
  public Mono<CustomVariableResponseDTO> create(String org, String project, CreateCustomVariableRequestDTO variable) {
    scope(org, project);
    Objects.requireNonNull(variable, "variable");
    return api.call(a -> a.createCustomVariable(org, project, variable)).onErrorMap(SeiErrors::forbidden);
  }

  /**
   * Changes the description or default values of a custom variable.
   *
   * @throws IllegalArgumentException when {@code org} or {@code project} is not a Harness identifier
   * @throws NullPointerException when an argument is {@code null}
   */
  public Mono<CustomVariableResponseDTO> update(String org, String project, int id, UpdateCustomVariableRequestDTO change) {
    scope(org, project);
    Objects.requireNonNull(change, "change");
    return api.call(a -> a.updateCustomVariable(id, org, project, change)).onErrorMap(SeiErrors::forbidden);
  }

  /**
   * Deletes a custom variable and its team overrides.
   *
   * @throws IllegalArgumentException when {@code org} or {@code project} is not a Harness identifier
   * @throws NullPointerException when an argument is {@code null}
   */
  public Mono<Void> delete(String org, String project, int id) {
    scope(org, project);
    return api.call(a -> a.deleteCustomVariable(id, org, project)).onErrorMap(SeiErrors::forbidden);
  }

  /**
   * The custom variables of one team, its overrides applied.
   *
   * @throws IllegalArgumentException when {@code org} or {@code project} is not a Harness identifier
   * @throws NullPointerException when an argument is {@code null}
   */
  public Mono<TeamCustomVariablesResponseDTO> ofTeam(String org, String project, int teamRefId) {
    scope(org, project);
    return api.call(a -> a.getTeamCustomVariables(teamRefId, org, project, null)).onErrorMap(SeiErrors::forbidden);
  }

  /**
   * Sets the values one team uses for a custom variable.
   *
   * @throws IllegalArgumentException when {@code org} or {@code project} is not a Harness identifier
   * @throws NullPointerException when an argument is {@code null}
   */
  public Mono<CustomVariableTeamOverrideResponseDTO> overrideForTeam(String org, String project, int teamRefId,
      UpdateCustomVariableTeamOverrideRequestDTO override) {
    scope(org, project);
    Objects.requireNonNull(override, "override");
    return api.call(a -> a.updateTeamCustomVariable(teamRefId, org, project, override)).onErrorMap(SeiErrors::forbidden);
  }

  /**
   * Removes a team's override: the team uses the variable's defaults again.
   *
   * @throws IllegalArgumentException when {@code org} or {@code project} is not a Harness identifier
   * @throws NullPointerException when an argument is {@code null}
   */
  public Mono<Void> removeTeamOverride(String org, String project, int teamRefId, int customVariableId) {
    scope(org, project);
    return api.call(a -> a.deleteTeamCustomVariable(teamRefId, customVariableId, org, project))
        .onErrorMap(SeiErrors::forbidden);
  }

  private static void scope(String org, String project) {
    requireIdentifier(org, "org");
    requireIdentifier(project, "project");
  }
}
