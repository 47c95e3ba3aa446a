package io.github.harnessreactive.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.exception.NotFoundException;
import io.github.harnessreactive.platform.Scope;
import io.github.harnessreactive.sei.SeiClient;
import io.github.harnessreactive.sei.v2.SeiV2;
import io.github.harnessreactive.sei.v2.UpsertBatchResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

/** SEI 2.0 developer records and teams, kept by the simulator, over HTTP through the SEI facade. */
class StatefulSeiTest {

  static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  static HarnessSimulatorExtension harness = new HarnessSimulatorExtension(SimulatorOptions.defaults()
      .withRequestLimit(0, Duration.ofMinutes(1)));

  HarnessClient client;
  SeiV2 sei;

  @BeforeEach
  void client() {
    client = TestClients.platform(harness.simulator());
    sei = SeiClient.of(null, client).v2();
  }

  @AfterEach
  void close() {
    client.close();
  }

  private static Map<String, String> developer(int i) {
    return Map.of("email", "Developer" + i + "@Example.com", "name", "Developer " + i, "manager_email", "lead@example.com");
  }

  @Test
  void fiveThousandUpsertedDevelopersAreListedThroughTheFacade() {
    List<UpsertBatchResult> batches = sei.developers().upsert(Flux.range(0, 5_000).map(StatefulSeiTest::developer))
        .collectList().block(WAIT);
    assertThat(batches).hasSize(5).allSatisfy(b -> assertThat(b.outcome()).isEqualTo(UpsertBatchResult.Outcome.SAVED));

    List<Map<String, String>> listed = sei.developers().list().collectList().block(WAIT);

    assertThat(listed).hasSize(5_000);
    assertThat(listed.get(0)).isEqualTo(developer(0));
    assertThat(listed.get(4_999)).isEqualTo(developer(4_999));

    // an upsert by e-mail (any case) changes the fields it sends and keeps the others
    sei.developers().upsert(Flux.just(Map.of("email", "developer7@example.com", "name", "Seven"))).blockLast(WAIT);
    Map<String, String> seven = new HashMap<>(developer(7));
    seven.put("email", "developer7@example.com");
    seven.put("name", "Seven");
    assertThat(harness.simulator().resources().get(ResourceType.DEVELOPER, Scope.account(), "DEVELOPER7@example.com"))
        .hasValue(Map.copyOf(seven));

    var deleted = sei.developers().delete(List.of("developer1@example.com", "nobody@example.com")).block(WAIT);
    assertThat(deleted.complete()).isFalse();
    assertThat(sei.developers().list().collectList().block(WAIT)).hasSize(4_999);
  }

  @Test
  void aBatchWithARecordWithoutEmailIsRejectedWhole() {
    var result = sei.developers().upsert(Flux.just(Map.of("email", "a@example.com"), Map.of("name", "No Email")))
        .blockLast(WAIT);

    assertThat(result.outcome()).isEqualTo(UpsertBatchResult.Outcome.REJECTED);
    assertThat(result.errorGroups()).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo("REQUIRED_VALUE_MISSING"));
    assertThat(sei.developers().list().collectList().block(WAIT)).isEmpty();
  }

  @Test
  void teamsAddedByATestAreListedWithTheirDevelopers() {
    sei.developers().upsert(Flux.just(Map.of("email", "ana@example.com", "name", "Ana Garcia"))).blockLast(WAIT);
    Map<String, Object> payments = harness.simulator().resources().put(ResourceType.TEAM, Scope.project("default", "sei"),
        Map.of("name", "Payments", "developers", List.of("ana@example.com", "li@example.com")));
    harness.simulator().resources().put(ResourceType.TEAM, Scope.project("default", "other"), Map.of("name", "Search"));
    int refId = ((Number) payments.get("refId")).intValue();

    assertThat(sei.teams().list("default", "sei").collectList().block(WAIT)).singleElement().satisfies(team -> {
      assertThat(team.getName()).isEqualTo("Payments");
      assertThat(team.getRefId()).isEqualTo(refId);
      assertThat(team.getDeveloperCount()).isEqualTo(2);
    });
    assertThat(sei.teams().info(refId).block(WAIT).getName()).isEqualTo("Payments");
    assertThat(sei.teams().developers(refId).collectList().block(WAIT))
        .extracting(d -> d.getEmail() + "/" + d.getName()).containsExactly("ana@example.com/Ana Garcia", "li@example.com/li@example.com");
    assertThatThrownBy(() -> sei.teams().info(9_999).block(WAIT)).isInstanceOf(NotFoundException.class);
  }
}
