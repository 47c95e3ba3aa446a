package io.github.harnessreactive.examples.snippets;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.generated.platform.ng.model.PipelineExecutionFilterProperties;
import io.github.harnessreactive.platform.ApiKeyOwner;
import io.github.harnessreactive.platform.ApiKeyRef;
import io.github.harnessreactive.platform.IssuedToken;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.platform.Scope;
import io.github.harnessreactive.platform.Secrets;
import io.github.harnessreactive.platform.TokenRotation;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/** Snippets of {@code harness-client-reactive/README.md}: the Platform resource facades and key rotation. */
final class PlatformSnippets {

  /** Where an application keeps its secrets; stands for any secret store. */
  interface Vault {
    Mono<Void> write(String path, String value);
  }

  private PlatformSnippets() {
  }

  static void resources(HarnessClient client, String password) {
    // snippet: platform-resources
    PlatformClient platform = PlatformClient.of(client);
    Scope payments = Scope.project("default", "payments");
    platform.secrets().create(Secrets.inlineText(payments, "db_password", "DB password", password));   // toString: value *
    platform.services().list(payments).map(service -> service.getService().getIdentifier());
    platform.executions().list("default", "payments", new PipelineExecutionFilterProperties()
        .filterType("PipelineExecution").status(List.of("Failed")));                  // runs that failed, newest first
    platform.delegates().list(Scope.account());                                       // answered whole, unwrapped
    // end-snippet
  }

  static Mono<IssuedToken> rotation(HarnessClient client, Vault vault) {
    // snippet: key-rotation
    ApiKeyRef key = ApiKeyOwner.serviceAccount(Scope.account(), "deployer").key("ci");
    Mono<IssuedToken> rotated = PlatformClient.of(client).keyRotation().rotate(
        TokenRotation.of(key, "ci_2026_02", "ci_2026_03")                             // the token in use, its successor
            .withValidTo(Instant.parse("2026-06-01T00:00:00Z"))
            .keepingNewTokenWith(token -> vault.write("harness/ci", token.value())));  // before the old one is revoked
    // end-snippet
    return rotated;
  }
}
