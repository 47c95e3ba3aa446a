package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.api.ApiKeysApi;
import io.github.harnessreactive.generated.platform.ng.model.ApiKeyAggregateDTO;
import io.github.harnessreactive.generated.platform.ng.model.ApiKeyDTO;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOApiKeyAggregateDTO;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOApiKeyDTO;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOBoolean;
import java.util.Arrays;
import reactor.core.publisher.Mono;

/**
 * The API keys of a user or a service account, over the Platform NG API ({@code /ng/api/apikey}).
 * A key holds {@link Tokens}; the token is what a client authenticates with.
 */
public final class ApiKeys {

  private final HarnessClient client;
  private final HarnessApi<ApiKeysApi> api;

  ApiKeys(HarnessClient client) {
    this.client = client;
    this.api = client.api(ApiKeysApi.class);
  }

  /**
   * A key's definition for {@link #create}: its owner, scope, identifier and name.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier or the name is blank
   */
  public static ApiKeyDTO key(ApiKeyOwner owner, String identifier, String name) {
    return new ApiKeyDTO().identifier(requireIdentifier(identifier, "identifier")).name(DisplayNames.require(name, "name"))
        .apiKeyType(ApiKeyDTO.ApiKeyTypeEnum.fromValue(owner.type().name())).parentIdentifier(owner.identifier())
        .orgIdentifier(owner.scope().orgIdentifier()).projectIdentifier(owner.scope().projectIdentifier());
  }

  /** The API keys of an owner, with their token counts, streamed page by page. */
  public PagedFlux<ApiKeyAggregateDTO> list(ApiKeyOwner owner) {
    Scope scope = owner.scope();
    return api.paged("listApiKeys", ApiKeyAggregateDTO.class,
        Arrays.asList(scope.orgIdentifier(), scope.projectIdentifier(), owner.type().name(), owner.identifier()),
        (a, page) -> a.listApiKeysWithResponseSpec(Accounts.of(client), owner.type().name(), owner.identifier(),
            scope.orgIdentifier(), scope.projectIdentifier(), null, page.index(), page.size(), null, null, null));
  }

  /** One API key with its token count; empty when Harness answers without one. */
  public Mono<ApiKeyAggregateDTO> get(ApiKeyRef key) {
    Scope scope = key.scope();
    return api.call(a -> a.getApiKey(Accounts.of(client), key.owner().type().name(), key.owner().identifier(),
        key.identifier(), scope.orgIdentifier(), scope.projectIdentifier())).mapNotNull(ResponseDTOApiKeyAggregateDTO::getData);
  }

  /**
   * Creates an API key (see {@link #key}). Not repeated after a transient failure.
   *
   * @throws IllegalArgumentException when the key's identifier is not a Harness identifier
   */
  public Mono<ApiKeyDTO> create(ApiKeyDTO key) {
    requireIdentifier(key.getIdentifier(), "identifier");
    return api.call(a -> a.createApiKey(Accounts.of(client), key))
        .mapNotNull(ResponseDTOApiKeyDTO::getData);
  }

  /**
   * Replaces an API key's editable fields. The operation names no account in its query; the
   * client's {@code Harness-Account} header does.
   *
   * @throws IllegalArgumentException when the key's identifier is not a Harness identifier
   */
  public Mono<ApiKeyDTO> update(ApiKeyDTO key) {
    String id = requireIdentifier(key.getIdentifier(), "identifier");
    return api.call(a -> a.updateApiKey(id, key))
        .mapNotNull(ResponseDTOApiKeyDTO::getData);
  }

  /** Deletes an API key and its tokens; {@code true} when Harness deleted it. */
  public Mono<Boolean> delete(ApiKeyRef key) {
    Scope scope = key.scope();
    return api.call(a -> a.deleteApiKey(Accounts.of(client), key.owner().type().name(), key.owner().identifier(),
        key.identifier(), scope.orgIdentifier(), scope.projectIdentifier())).mapNotNull(ResponseDTOBoolean::getData);
  }

}
