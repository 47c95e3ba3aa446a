package io.github.harnessreactive.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.exception.UnauthorizedException;
import io.github.harnessreactive.generated.platform.ng.model.SecretResponseWrapper;
import io.github.harnessreactive.platform.ApiKeyRef;
import io.github.harnessreactive.platform.ApiKeyOwner;
import io.github.harnessreactive.platform.IssuedToken;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.platform.Scope;
import io.github.harnessreactive.platform.Secrets;
import io.github.harnessreactive.platform.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Secrets and tokens over HTTP: a secret's value goes in and never comes back out; a created token
 * authenticates requests until it is deleted, then it is refused.
 */
class StatefulSecretsAndTokensTest {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final Scope PROJECT = Scope.project("default", "payments");
  static final String VALUE = "s3cretValueOfATest";

  @RegisterExtension
  static HarnessSimulatorExtension harness = new HarnessSimulatorExtension(SimulatorOptions.defaults()
      .withRequestLimit(0, Duration.ofMinutes(1)));

  HarnessClient client;
  PlatformClient platform;

  @BeforeEach
  void client() {
    client = TestClients.platform(harness.simulator());
    platform = PlatformClient.of(client);
    harness.simulator().resources().put(ResourceType.PROJECT, Scope.org("default"), Map.of("identifier", "payments",
        "name", "Payments"));
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void aSecretIsStoredAndListedButItsValueIsNeverAnswered() {
    SecretResponseWrapper created = platform.secrets().create(Secrets.inlineText(PROJECT, "db_password", "DB", VALUE)).block(WAIT);

    assertThat(created.getSecret().getSpec().getValue()).isNull();
    assertThat(platform.secrets().get(PROJECT, "db_password").block(WAIT).getSecret().getSpec().getValue()).isNull();
    assertThat(platform.secrets().list(PROJECT).map(s -> s.getSecret().getIdentifier()).collectList().block(WAIT))
        .containsExactly("db_password");
    assertThat(harness.simulator().resources().get(ResourceType.SECRET, PROJECT, "db_password").orElseThrow().toString())
        .doesNotContain(VALUE);
    assertThat(platform.secrets().isIdentifierUnique(PROJECT, "db_password").block(WAIT)).isFalse();
    assertThat(platform.secrets().isIdentifierUnique(PROJECT, "other").block(WAIT)).isTrue();

    assertThat(platform.secrets().delete(PROJECT, "db_password").block(WAIT)).isTrue();
    assertThat(platform.secrets().list(PROJECT).collectList().block(WAIT)).isEmpty();
  }

  @Test
  void aCreatedTokenWorksUntilItIsDeleted() {
    ApiKeyRef key = ApiKeyOwner.serviceAccount(PROJECT, "deployer").key("ci");
    IssuedToken issued = platform.tokens().create(Tokens.token(key, "ci_1", "CI 1")).block(WAIT);

    assertThat(issued.value()).startsWith("sat." + SimulatorOptions.DEMO_ACCOUNT + ".");
    try (HarnessClient withToken = TestClients.builder(harness.simulator().baseUrl()).credential(issued.credential()).build()) {
      PlatformClient asToken = PlatformClient.of(withToken);
      assertThat(asToken.tokens().list(key).map(t -> t.getToken().getIdentifier()).collectList().block(WAIT))
          .containsExactly("ci_1");
      assertThat(harness.simulator().resources().get(ResourceType.TOKEN, PROJECT, "ci_1").orElseThrow().toString())
          .doesNotContain(issued.value());

      IssuedToken rotated = platform.tokens().rotate(key, "ci_1", Instant.parse("2026-03-03T00:00:00Z")).block(WAIT);
      assertThat(rotated.identity()).isNotEqualTo(issued.identity());

      assertThat(platform.tokens().delete(key, "ci_1").block(WAIT)).isTrue();
      assertThatThrownBy(() -> asToken.organizations().list().blockFirst(WAIT)).isInstanceOf(UnauthorizedException.class);
    }
  }
}
