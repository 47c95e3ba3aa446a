package io.github.harnessreactive.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.platform.ApiKeyOwner;
import io.github.harnessreactive.platform.ApiKeyRef;
import io.github.harnessreactive.platform.IssuedToken;
import io.github.harnessreactive.platform.KeyRotationException;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.platform.Scope;
import io.github.harnessreactive.platform.Secrets;
import io.github.harnessreactive.platform.TokenRotation;
import io.github.harnessreactive.platform.Tokens;
import io.github.harnessreactive.simulator.HarnessSimulator;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Secret values and issued tokens through the logged suite: a secret written and read, tokens
 * issued, a key rotation that fails and one that succeeds. {@link SecretScanTest} then finds none
 * of these values in the TRACE log or in the failures kept.
 */
@Order(7)
class SecretsAndTokensScenarioTest {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final Scope ACCOUNT = Scope.account();
  static final ApiKeyRef KEY = ApiKeyOwner.serviceAccount(ACCOUNT, "deployer").key("ci");

  @Test
  void secretValuesAndIssuedTokensLeaveNoTrace() {
    try (HarnessSimulator sim = HarnessSimulator.start(SimulatorOptions.defaults().withJournal(false)
        .withKeys(Set.of(Fixtures.PAT), Set.of(Fixtures.SEI_KEY)));
        HarnessClient admin = Fixtures.client(sim.baseUrl()).build()) {
      PlatformClient platform = PlatformClient.of(admin);
      platform.secrets().create(Secrets.inlineText(ACCOUNT, "db_password", "DB", Fixtures.SECRET_VALUE)).block(WAIT);
      assertThat(platform.secrets().get(ACCOUNT, "db_password").block(WAIT).getSecret().getSpec().getValue()).isNull();

      IssuedToken first = Fixtures.issued(platform.tokens().create(Tokens.token(KEY, "ci_1", "CI")).block(WAIT));
      try (HarnessClient running = Fixtures.client(sim.baseUrl()).credential(ApiKeyCredential.of(first.value())).build()) {
        PlatformClient asFirst = PlatformClient.of(running);
        assertThatThrownBy(() -> asFirst.keyRotation().rotate(TokenRotation.of(KEY, "ci_1", "ci_2")
                .keepingNewTokenWith(token -> Mono.error(new IllegalStateException("the vault is sealed: "
                    + Fixtures.issued(token))))).block(WAIT))
            .isInstanceOf(KeyRotationException.class)
            .satisfies(Fixtures::record);

        IssuedToken second = Fixtures.issued(asFirst.keyRotation().rotate(TokenRotation.of(KEY, "ci_1", "ci_3")
            .keepingNewTokenWith(token -> Mono.fromRunnable(() -> Fixtures.issued(token)))).block(WAIT));
        assertThat(asFirst.organizations().list().collectList().block(WAIT)).isNotEmpty();
        assertThat(second.toString()).doesNotContain(second.value());
      }
    }
  }
}
