package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.api.SecretsApi;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOBoolean;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOSecretResponseWrapper;
import io.github.harnessreactive.generated.platform.ng.model.SecretDTOV2;
import io.github.harnessreactive.generated.platform.ng.model.SecretRequestWrapper;
import io.github.harnessreactive.generated.platform.ng.model.SecretResponseWrapper;
import io.github.harnessreactive.generated.platform.ng.model.SecretSpecDTO;
import java.util.Arrays;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Secrets at account, organization or project scope, over the Platform NG API
 * ({@code /ng/api/v2/secrets}).
 *
 * <p>A secret's value is written, never read back: Harness answers it as {@code null}, and the
 * generated models print {@code *} for it in {@code toString()} (the property has format
 * {@code password}), so a secret logged with its model does not show its value.
 */
public final class Secrets {

  /** The secret manager every account has, which stores values in Harness. */
  public static final String HARNESS_SECRET_MANAGER = "harnessSecretManager";

  private final HarnessClient client;
  private final HarnessApi<SecretsApi> api;

  Secrets(HarnessClient client) {
    this.client = client;
    this.api = client.api(SecretsApi.class);
  }

  /**
   * A text secret whose value Harness stores in its own secret manager, for {@link #create}.
   *
   * @param scope where the secret lives
   * @param identifier its identifier
   * @param name its display name
   * @param value the secret value; printed as {@code *} by the model's {@code toString()}
   * @return the secret's definition
   * @throws IllegalArgumentException when the identifier is not a Harness identifier or the name is blank
   * @throws NullPointerException when the scope or value is {@code null}
   */
  public static SecretDTOV2 inlineText(Scope scope, String identifier, String name, String value) {
    return new SecretDTOV2().type(SecretDTOV2.TypeEnum.SECRET_TEXT)
        .identifier(requireIdentifier(identifier, "identifier")).name(DisplayNames.require(name, "name"))
        .orgIdentifier(scope.orgIdentifier()).projectIdentifier(scope.projectIdentifier())
        .spec(new SecretSpecDTO().secretManagerIdentifier(HARNESS_SECRET_MANAGER)
            .valueType(SecretSpecDTO.ValueTypeEnum.INLINE).value(Objects.requireNonNull(value, "value")));
  }

  /** The secrets of a scope, without their values, streamed page by page. */
  public PagedFlux<SecretResponseWrapper> list(Scope scope) {
    return api.paged("listSecrets", SecretResponseWrapper.class, Arrays.asList(scope.orgIdentifier(), scope.projectIdentifier()),
        (a, page) -> a.listSecretsWithResponseSpec(Accounts.of(client), scope.orgIdentifier(), scope.projectIdentifier(),
            null, null, null, null, null, null, page.index(), page.size(), null));
  }

  /**
   * One secret, without its value; empty when Harness answers without one.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<SecretResponseWrapper> get(Scope scope, String identifier) {
    String id = requireIdentifier(identifier, "identifier");
    return api.call(a -> a.getSecret(id, Accounts.of(client), scope.orgIdentifier(), scope.projectIdentifier()))
        .mapNotNull(ResponseDTOSecretResponseWrapper::getData);
  }

  /**
   * Creates a secret at the scope its definition names (see {@link #inlineText}). Not repeated
   * after a transient failure. The answer carries no value.
   *
   * @throws IllegalArgumentException when the secret's identifier is not a Harness identifier
   */
  public Mono<SecretResponseWrapper> create(SecretDTOV2 secret) {
    requireIdentifier(secret.getIdentifier(), "identifier");
    return api.call(a -> a.createSecret(Accounts.of(client), new SecretRequestWrapper().secret(secret),
        secret.getOrgIdentifier(), secret.getProjectIdentifier(), null)).mapNotNull(ResponseDTOSecretResponseWrapper::getData);
  }

  /**
   * Replaces a secret; a text secret sent without a value keeps the value it has.
   *
   * @throws IllegalArgumentException when the secret's identifier is not a Harness identifier
   */
  public Mono<SecretResponseWrapper> update(SecretDTOV2 secret) {
    String id = requireIdentifier(secret.getIdentifier(), "identifier");
    return api.call(a -> a.updateSecret(id, Accounts.of(client), secret.getOrgIdentifier(), secret.getProjectIdentifier(),
        new SecretRequestWrapper().secret(secret))).mapNotNull(ResponseDTOSecretResponseWrapper::getData);
  }

  /**
   * Deletes a secret; {@code true} when Harness deleted it.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<Boolean> delete(Scope scope, String identifier) {
    String id = requireIdentifier(identifier, "identifier");
    return api.call(a -> a.deleteSecret(id, Accounts.of(client), scope.orgIdentifier(), scope.projectIdentifier(), null))
        .mapNotNull(ResponseDTOBoolean::getData);
  }

  /**
   * Whether no secret of the scope has this identifier yet.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<Boolean> isIdentifierUnique(Scope scope, String identifier) {
    String id = requireIdentifier(identifier, "identifier");
    return api.call(a -> a.isSecretIdentifierUnique(id, Accounts.of(client), scope.orgIdentifier(), scope.projectIdentifier()))
        .mapNotNull(ResponseDTOBoolean::getData);
  }

}
