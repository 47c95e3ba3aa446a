package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.api.TokensApi;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOBoolean;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOTokenDTO;
import io.github.harnessreactive.generated.platform.ng.model.TokenAggregateDTO;
import io.github.harnessreactive.generated.platform.ng.model.TokenDTO;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The tokens of an API key, over the Platform NG API ({@code /ng/api/token}). Creating or rotating
 * a token answers the new token, once, as an {@link IssuedToken} whose {@code toString()} never
 * shows it; a listing never carries token values. To switch a running client to a new token, see
 * {@link KeyRotation}.
 */
public final class Tokens {

  private final HarnessClient client;
  private final HarnessApi<TokensApi> api;

  Tokens(HarnessClient client) {
    this.client = client;
    this.api = client.api(TokensApi.class);
  }

  /**
   * A token's definition for {@link #create}: its key (owner, scope) with an identifier and a name.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier or the name is blank
   */
  public static TokenDTO token(ApiKeyRef key, String identifier, String name) {
    ApiKeyOwner owner = key.owner();
    return new TokenDTO().identifier(requireIdentifier(identifier, "identifier")).name(DisplayNames.require(name, "name"))
        .apiKeyIdentifier(key.identifier()).parentIdentifier(owner.identifier())
        .apiKeyType(TokenDTO.ApiKeyTypeEnum.fromValue(owner.type().name()))
        .orgIdentifier(owner.scope().orgIdentifier()).projectIdentifier(owner.scope().projectIdentifier());
  }

  /** The tokens of an API key (never their values), streamed page by page. */
  public PagedFlux<TokenAggregateDTO> list(ApiKeyRef key) {
    ApiKeyOwner owner = key.owner();
    Scope scope = key.scope();
    return api.paged("listTokens", TokenAggregateDTO.class,
        Arrays.asList(scope.orgIdentifier(), scope.projectIdentifier(), owner.type().name(), owner.identifier(), key.identifier()),
        (a, page) -> a.listTokensWithResponseSpec(Accounts.of(client), owner.type().name(), scope.orgIdentifier(),
            scope.projectIdentifier(), owner.identifier(), key.identifier(), null, page.index(), page.size(), null, null, null));
  }

  /**
   * Creates a token (see {@link #token}) and answers it, the only time Harness does. Not repeated
   * after a transient failure (a second token could be made).
   *
   * @throws IllegalArgumentException when the token's identifier is not a Harness identifier
   */
  public Mono<IssuedToken> create(TokenDTO token) {
    String id = requireIdentifier(token.getIdentifier(), "identifier");
    return IssuedTokenAnswers.read(api.call(a -> a.createToken(Accounts.of(client), token)), id);
  }

  /**
   * Replaces a token's editable fields (name, validity, tags).
   *
   * @throws IllegalArgumentException when the token's identifier is not a Harness identifier
   */
  public Mono<TokenDTO> update(TokenDTO token) {
    String id = requireIdentifier(token.getIdentifier(), "identifier");
    return api.call(a -> a.updateToken(id, Accounts.of(client), token)).mapNotNull(ResponseDTOTokenDTO::getData);
  }

  /**
   * Revokes a token: requests made with it are refused from then on. {@code true} when Harness deleted it.
   *
   * @throws IllegalArgumentException when the token identifier is not a Harness identifier
   */
  public Mono<Boolean> delete(ApiKeyRef key, String tokenIdentifier) {
    String id = requireIdentifier(tokenIdentifier, "tokenIdentifier");
    ApiKeyOwner owner = key.owner();
    return api.call(a -> a.deleteToken(id, Accounts.of(client), owner.type().name(), owner.identifier(), key.identifier(),
        key.scope().orgIdentifier(), key.scope().projectIdentifier())).mapNotNull(ResponseDTOBoolean::getData);
  }

  /**
   * Harness's own rotation: a new token replaces this one, which stops working at
   * {@code oldTokenExpiresAt}. Answers the new token, whose identifier Harness does not say. Not
   * repeated after a transient failure. {@link KeyRotation} does not use it: the old token's end is
   * fixed when this call is made, so a failed switch could not leave it working.
   *
   * @throws IllegalArgumentException when the token identifier is not a Harness identifier
   * @throws NullPointerException when {@code oldTokenExpiresAt} is {@code null}
   */
  public Mono<IssuedToken> rotate(ApiKeyRef key, String tokenIdentifier, Instant oldTokenExpiresAt) {
    String id = requireIdentifier(tokenIdentifier, "tokenIdentifier");
    long expiry = Objects.requireNonNull(oldTokenExpiresAt, "oldTokenExpiresAt").toEpochMilli();
    ApiKeyOwner owner = key.owner();
    return IssuedTokenAnswers.read(api.call(a -> a.rotateToken(id, Accounts.of(client), owner.type().name(),
        owner.identifier(), key.identifier(), expiry, key.scope().orgIdentifier(), key.scope().projectIdentifier())), null);
  }

}
