package io.github.harnessreactive.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.credentials.SeiApiKeyCredential;
import io.github.harnessreactive.generated.sei.v1.api.CollectionCategoriesApi;
import io.github.harnessreactive.generated.sei.v1.model.DefaultListRequest;
import io.github.harnessreactive.platform.PlatformClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

/**
 * M3: the pair of settings Spring documents for debugging WebClient, request-details logging of
 * the codecs (Boot's {@code spring.codec.log-request-details}) and Spring's {@code ExchangeFunctions}
 * at TRACE (the whole suite logs at TRACE), on the builder a Boot application hands the client.
 * Spring then logs each exchange, and SecretScanTest, which runs after this class, finds no key in
 * what it logged; this class checks that Spring did log the exchanges it scans.
 */
@Order(90)
class SpringRequestLoggingTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Path TRACE = Path.of("target", "reliability-trace.log");

  @Test
  void withRequestDetailsLoggingOnSpringLogsTheExchangesWithoutTheirKeys() throws IOException {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects/p1")).willReturn(FaultMatrixTest.json(200, """
        {"status":"SUCCESS","data":{"project":{"orgIdentifier":"default","identifier":"p1","name":"P"}}}""")));
    harness.stubFor(post(urlPathEqualTo("/v1/org/groups/list")).willReturn(FaultMatrixTest.json(200,
        "{\"records\":[],\"count\":0,\"_metadata\":{\"page\":0,\"page_size\":10,\"has_next\":false}}")));
    WebClient.Builder boot = WebClient.builder().codecs(codecs -> codecs.defaultCodecs().enableLoggingRequestDetails(true));

    try (HarnessClient platform = Fixtures.client(harness.baseUrl()).webClientBuilder(boot).build();
        HarnessClient sei = Fixtures.client(harness.baseUrl()).webClientBuilder(boot)
            .credential(SeiApiKeyCredential.of(Fixtures.SEI_KEY)).build()) {
      StepVerifier.create(PlatformClient.of(platform).projects().get("default", "p1")).expectNextCount(1).expectComplete()
          .verify(Duration.ofSeconds(10));
      StepVerifier.create(sei.api(CollectionCategoriesApi.class).call(api -> api.listCollectionCategories(new DefaultListRequest())))
          .expectNextCount(1).expectComplete().verify(Duration.ofSeconds(10));
    }

    String log = Files.readString(TRACE, StandardCharsets.UTF_8);
    assertThat(log).as("Spring's ExchangeFunctions logged both exchanges at TRACE")
        .contains("ExchangeFunctions").contains("HTTP GET " + harness.baseUrl() + "/ng/api/projects/p1")
        .contains("HTTP POST " + harness.baseUrl() + "/v1/org/groups/list");
  }
}
