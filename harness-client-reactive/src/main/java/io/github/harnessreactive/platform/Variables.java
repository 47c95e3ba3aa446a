package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;

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
   * @throws IllegalArgumentException when the identifier is not a Harness identifier or the name is blank
   */
  public static VariableDTO string(Scope scope, String identifier, String name, String value) {
    return new VariableDTO().identifier(requireIdentifier(identifier, "identifier")).name(DisplayNames.require(name, "name"))
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
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<VariableResponseDTO> get(Scope scope, String identifier) {
    String id = requireIdentifier(identifier, "identifier");
    return api.call(a -> a.getVariable(id, Accounts.of(client), scope.orgIdentifier(), scope.projectIdentifier()))
        .mapNotNull(ResponseDTOVariableResponseDTO::getData);
  }

  /**
   * Creates a variable at the scope it names (see {@link #string}). Not repeated after a transient failure.
   *
   * @throws IllegalArgumentException when the variable's identifier is not a Harness identifier
   */
  public Mono<VariableResponseDTO> create(VariableDTO variable) {
    requireIdentifier(variable.getIdentifier(), "identifier");
    return api.call(a -> a.createVariable(Accounts.of(client), new VariableRequestDTO().variable(variable)))
        .mapNotNull(ResponseDTOVariableResponseDTO::getData);
  }

  /**
   * Replaces a variable.
   *
   * @throws IllegalArgumentException when the variable's identifier is not a Harness identifier
   */
  public Mono<VariableResponseDTO> update(VariableDTO variable) {
    requireIdentifier(variable.getIdentifier(), "identifier");
    return api.call(a -> a.updateVariable(Accounts.of(client), new VariableRequestDTO().variable(variable)))
        .mapNotNull(ResponseDTOVariableResponseDTO::getData);
  }

  /**
   * Deletes a variable; {@code true} when Harness deleted it.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<Boolean> delete(Scope scope, String identifier) {
    String id = requireIdentifier(identifier, "identifier");
    return api.call(a -> a.deleteVariable(id, Accounts.of(client), scope.orgIdentifier(), scope.projectIdentifier()))
        .mapNotNull(ResponseDTOBoolean::getData);
  }

}
