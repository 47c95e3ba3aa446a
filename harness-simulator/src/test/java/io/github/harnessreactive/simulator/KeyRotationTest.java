package io.github.harnessreactive.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.exception.NotFoundException;
import io.github.harnessreactive.core.exception.UnauthorizedException;
import io.github.harnessreactive.platform.ApiKeyOwner;
import io.github.harnessreactive.platform.ApiKeyRef;
import io.github.harnessreactive.platform.IssuedToken;
import io.github.harnessreactive.platform.KeyRotationException;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.platform.Scope;
import io.github.harnessreactive.platform.TokenRotation;
import io.github.harnessreactive.platform.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/**
 * {@code KeyRotation} over HTTP against tokens the simulator issues and revokes: the running client
 * moves to the new token, the old one is revoked only after a call with the new one succeeded, and a
 * failure at any step leaves the client working on the old token with the new one revoked.
 */
class KeyRotationTest {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final Scope PROJECT = Scope.project("default", "payments");
  static final ApiKeyRef KEY = ApiKeyOwner.serviceAccount(PROJECT, "deployer").key("ci");

  @RegisterExtension
  static HarnessSimulatorExtension harness = new HarnessSimulatorExtension(SimulatorOptions.defaults()
      .withRequestLimit(0, Duration.ofMinutes(1)));

  IssuedToken oldToken;
  HarnessClient client;
  PlatformClient platform;

  /** A running client on a token of the key, made with the simulator's demo key. */
  @BeforeEach
  void client() {
    harness.simulator().resources().put(ResourceType.PROJECT, Scope.org("default"),
        java.util.Map.of("identifier", "payments", "name", "Payments"));
    try (HarnessClient admin = TestClients.platform(harness.simulator())) {
      oldToken = PlatformClient.of(admin).tokens().create(Tokens.token(KEY, "ci_old", "CI")).block(WAIT);
    }
    client = TestClients.builder(harness.simulator().baseUrl()).credential(oldToken.credential()).build();
    platform = PlatformClient.of(client);
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void theNextCallUsesTheNewTokenAndTheOldIsRevokedOnlyAfterACallWithTheNewOneSucceeded() {
    List<String> seenDuringVerification = new ArrayList<>();
    TokenRotation rotation = TokenRotation.of(KEY, "ci_old", "ci_new").withVerification(p -> p.organizations().list()
        .take(1).then(Mono.fromRunnable(() -> {
          seenDuringVerification.add(client.credential().identity());
          boolean revoked = harness.simulator().resources().get(ResourceType.TOKEN, PROJECT, "ci_old").isEmpty();
          seenDuringVerification.add(revoked ? "old already revoked" : "old not revoked yet");
        })));

    IssuedToken newToken = platform.keyRotation().rotate(rotation).block(WAIT);

    assertThat(seenDuringVerification).containsExactly(newToken.identity(), "old not revoked yet");
    assertThat(client.credential().identity()).isEqualTo(newToken.identity()).isNotEqualTo(oldToken.identity());
    assertThat(platform.organizations().list().collectList().block(WAIT)).isNotEmpty();
    assertThat(works(oldToken)).as("old token after the rotation").isFalse();
    assertThat(works(newToken)).isTrue();
    assertThat(newToken.identifier()).contains("ci_new");
  }

  @Test
  void aNewTokenThatCannotBeCreatedChangesNothing() {
    platform.tokens().create(Tokens.token(KEY, "ci_taken", "taken")).block(WAIT);

    assertThatThrownBy(() -> platform.keyRotation().rotate(TokenRotation.of(KEY, "ci_old", "ci_taken")).block(WAIT))
        .isInstanceOfSatisfying(KeyRotationException.class, e -> assertThat(e.step()).isEqualTo(KeyRotationException.Step.CREATE));
    assertOldTokenStillInUse();
  }

  @Test
  void aFailedVerificationSwitchesBackAndRevokesTheNewToken() {
    AtomicReference<String> newIdentity = new AtomicReference<>();
    TokenRotation rotation = TokenRotation.of(KEY, "ci_old", "ci_new").withVerification(p -> {
      newIdentity.set(client.credential().identity());
      return p.projects().get("default", "missing");
    });

    assertThatThrownBy(() -> platform.keyRotation().rotate(rotation).block(WAIT))
        .isInstanceOfSatisfying(KeyRotationException.class, e -> {
          assertThat(e.step()).isEqualTo(KeyRotationException.Step.VERIFY);
          assertThat(e.getCause()).isInstanceOf(NotFoundException.class);
        });
    assertThat(newIdentity.get()).isNotEqualTo(oldToken.identity());
    assertOldTokenStillInUse();
  }

  @Test
  void aNewTokenThatCannotBeKeptSwitchesBackAndRevokesIt() {
    TokenRotation rotation = TokenRotation.of(KEY, "ci_old", "ci_new")
        .keepingNewTokenWith(token -> Mono.error(new IllegalStateException("the vault is sealed")));

    assertThatThrownBy(() -> platform.keyRotation().rotate(rotation).block(WAIT))
        .isInstanceOfSatisfying(KeyRotationException.class, e -> assertThat(e.step()).isEqualTo(KeyRotationException.Step.KEEP));
    assertOldTokenStillInUse();
  }

  @Test
  void aFailedRevocationSwitchesBackAndRevokesTheNewToken() {
    // the running client's token is ci_old; revoking a token of another name answers 404
    assertThatThrownBy(() -> platform.keyRotation().rotate(TokenRotation.of(KEY, "ci_unknown", "ci_new")).block(WAIT))
        .isInstanceOfSatisfying(KeyRotationException.class, e -> {
          assertThat(e.step()).isEqualTo(KeyRotationException.Step.REVOKE);
          assertThat(e.getCause()).isInstanceOf(NotFoundException.class);
        });
    assertOldTokenStillInUse();
  }

  /** The client is back on the old token, which works, and the rotation left no new token. */
  private void assertOldTokenStillInUse() {
    assertThat(client.credential().identity()).isEqualTo(oldToken.identity());
    assertThat(platform.organizations().list().collectList().block(WAIT)).isNotEmpty();
    assertThat(platform.tokens().list(KEY).map(t -> t.getToken().getIdentifier()).collectList().block(WAIT))
        .doesNotContain("ci_new");
  }

  /** Whether a token is accepted, asked with a client of its own. */
  private static boolean works(IssuedToken token) {
    try (HarnessClient probe = TestClients.builder(harness.simulator().baseUrl()).credential(token.credential()).build()) {
      PlatformClient.of(probe).organizations().list().take(1).blockLast(WAIT);
      return true;
    } catch (UnauthorizedException refused) {
      return false;
    }
  }
}
