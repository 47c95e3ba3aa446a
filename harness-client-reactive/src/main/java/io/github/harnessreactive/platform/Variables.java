package io.github.harnessreactive.platform;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.api.VariablesApi;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOBoolean;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOVariableResponseDTO;
import io.github.harnessreactive.generated.platform.ng.model.VariableConfigDTO;
import io.github.harnessreactive.generated.platform.ng.model.VariableDTO;
import io.github.harnessreactive.generated.platform.ng.model.VariableRequestDTO;
import io.github.harnessreactive.generated.platform.ng.model.VariableResponseDTO;
import java.util.Arrays;
import reactor.core.publisher.Mono;

/**
 * Account, organization and project variables, over the Platform NG API ({@code /ng/api/variables}).
 * No published API description has these operations; they come from Harness's own client types and
 * are marked {@code x-harness-unverified} in our document.
 */
public final class Variables {

  private final HarnessClient client;
  private final HarnessApi<VariablesApi> api;

  Variables(HarnessClient client) {
    this.client = client;
    this.api = client.api(VariablesApi.class);
  }

  /**
   * A string variable with a fixed value, for {@link #create}.
   *
   * @throws IllegalArgumentException when the identifier or name is blank
   */
  public static VariableDTO string(Scope scope, String identifier, String name, String value) {
    return new VariableDTO().identifier(identifier(identifier, "identifier")).name(identifier(name, "name"))
        .type(VariableDTO.TypeEnum.STRING).orgIdentifier(scope.orgIdentifier()).projectIdentifier(scope.projectIdentifier())
        .spec(new VariableConfigDTO().valueType(VariableConfigDTO.ValueTypeEnum.FIXED).fixedValue(value));
  }

  /** The variables of a scope, streamed page by page. */
  public PagedFlux<VariableResponseDTO> list(Scope scope) {
    return api.paged("listVariables", VariableResponseDTO.class, Arrays.asList(scope.orgIdentifier(), scope.projectIdentifier()),
        (a, page) -> a.listVariablesWithResponseSpec(Accounts.of(client), scope.orgIdentifier(), scope.projectIdentifier(), null,
            null, page.index(), page.size(), null, null));
  }

  /**
   * One variable; empty when Harness answers without one.
   *
   * @throws IllegalArgumentException when the identifier is blank
   */
  public Mono<VariableResponseDTO> get(Scope scope, String identifier) {
    String id = identifier(identifier, "identifier");
    return api.call(a -> a.getVariable(id, Accounts.of(client), scope.orgIdentifier(), scope.projectIdentifier()))
        .mapNotNull(ResponseDTOVariableResponseDTO::getData);
  }

  /**
   * Creates a variable at the scope it names (see {@link #string}). Not repeated after a transient failure.
   *
   * @throws IllegalArgumentException when the variable's identifier is blank
   */
  public Mono<VariableResponseDTO> create(VariableDTO variable) {
    identifier(variable.getIdentifier(), "identifier");
    return api.call(a -> a.createVariable(Accounts.of(client), new VariableRequestDTO().variable(variable)))
        .mapNotNull(ResponseDTOVariableResponseDTO::getData);
  }

  /**
   * Replaces a variable.
   *
   * @throws IllegalArgumentException when the variable's identifier is blank
   */
  public Mono<VariableResponseDTO> update(VariableDTO variable) {
    identifier(variable.getIdentifier(), "identifier");
    return api.call(a -> a.updateVariable(Accounts.of(client), new VariableRequestDTO().variable(variable)))
        .mapNotNull(ResponseDTOVariableResponseDTO::getData);
  }

  /**
   * Deletes a variable; {@code true} when Harness deleted it.
   *
   * @throws IllegalArgumentException when the identifier is blank
   */
  public Mono<Boolean> delete(Scope scope, String identifier) {
    String id = identifier(identifier, "identifier");
    return api.call(a -> a.deleteVariable(id, Accounts.of(client), scope.orgIdentifier(), scope.projectIdentifier()))
        .mapNotNull(ResponseDTOBoolean::getData);
  }

  /** The one place this facade checks identifiers (the shared identifier validator of issue 13 goes here). */
  private static String identifier(String value, String name) {
    return Scope.require(value, name);
  }
}
