package io.github.harnessreactive.sei;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.sei.SeiFixtures.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.generated.sei.v2.model.EfficiencyRequest;
import io.github.harnessreactive.generated.sei.v2.model.ExportRequestDTO;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/** The SEI facades refuse a '.' or '..' path value and an identifier that is not one, naming the parameter, before any request. */
class SeiIdentifiersTest {

  @RegisterExtension
  static WireMockExtension sei = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final SeiClient client = SeiFixtures.client(sei);

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static Arguments call(String name, String parameter, Function<SeiClient, Publisher<?>> call) {
    return Arguments.of(Named.of(name, call), parameter);
  }

  static Stream<Arguments> calls() {
    EfficiencyRequest quarter = new EfficiencyRequest().teamRefId("7");
    return Stream.of(
        call("v1().integrations().get", "id", c -> c.v1().integrations().get("..")),
        call("v2().teams().list", "orgIdentifier", c -> c.v2().teams().list("..", null)),
        call("v2().orgTrees().list", "projectIdentifier", c -> c.v2().orgTrees().list("o", ".")),
        call("v2().efficiency().leadTime", "project", c -> c.v2().efficiency().leadTime("o", "..", quarter)),
        call("v2().efficiency().deploymentFrequency", "org", c -> c.v2().efficiency().deploymentFrequency("a b", "p", quarter)),
        call("v2().export().teamsReport", "org", c -> c.v2().export().teamsReport("..", "p", new ExportRequestDTO())));
  }

  @ParameterizedTest
  @MethodSource("calls")
  void aHostileValueIsRefusedBeforeAnyRequest(Function<SeiClient, Publisher<?>> call, String parameter) {
    Throwable refused = catchThrowable(() -> Flux.from(call.apply(client)).then().block(TIMEOUT));

    assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(parameter + " ");
    assertThat(sei.getAllServeEvents()).isEmpty();
  }
}
