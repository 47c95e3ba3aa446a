package io.github.harnessreactive.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.reliability.FaultMatrixTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.model.ProjectResponse;
import io.github.harnessreactive.platform.PlatformClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Cancelling in the middle of a page, while its body is still arriving in chunks: the pager holds
 * part of that body (joined buffers by default, a partly parsed item with early emission), and
 * every one of those buffers is released, the connection goes back to the pool, and no request
 * follows. Netty's leak detector runs at paranoid level over the whole suite.
 */
@Order(2)
class MidPageCancelTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final int PAGE_SIZE = 20;
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private final AtomicInteger sent = new AtomicInteger();
  private HarnessClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.countingClient(harness.baseUrl(), sent);
    stubPage(0, json(200, page(0)));
    // Page 1 arrives in 40 chunks over 2 s: a cancel after half a second finds it part-read.
    stubPage(1, json(200, page(1)).withChunkedDribbleDelay(40, 2_000));
    stubPage(2, json(200, page(2)));
  }

  @AfterEach
  void tearDown() {
    Fixtures.assertNothingLeaked(client);
    client.close();
  }

  @Test
  void cancellingWhileAPageIsHalfReadReleasesWhatWasJoined() {
    StepVerifier.create(identifiers(UnaryOperator.identity()), PAGE_SIZE)
        .expectNextCount(PAGE_SIZE)
        .thenRequest(1)
        .then(() -> Fixtures.awaitAtLeast(sent, 2))
        .thenAwait(Duration.ofMillis(500)) // real time: page 1 is on its way, part of it read
        .thenCancel()
        .verify(DEADLINE);
    assertThat(sent).hasValue(2);
  }

  @Test
  void cancellingWithEarlyEmissionAfterSomeItemsOfAPageReleasesThePartOfItNotRead() {
    StepVerifier.create(identifiers(PagedFlux::withEarlyEmission), PAGE_SIZE + 3)
        .expectNextCount(PAGE_SIZE)
        .expectNext("p20", "p21", "p22") // out while the rest of page 1 is still on its way
        .thenCancel()
        .verify(DEADLINE);
    assertThat(sent).hasValue(2);
  }

  private Flux<String> identifiers(UnaryOperator<PagedFlux<ProjectResponse>> mode) {
    PagedFlux<ProjectResponse> projects = PlatformClient.of(client).projects().list("default").withPageSize(PAGE_SIZE);
    return mode.apply(projects).map(p -> p.getProject().getIdentifier());
  }

  private static void stubPage(int index, ResponseDefinitionBuilder response) {
    harness.stubFor(get(urlPathEqualTo("/ng/api/projects")).withQueryParam("pageIndex", equalTo("" + index))
        .willReturn(response));
  }

  private static String page(int index) {
    String content = IntStream.range(index * PAGE_SIZE, (index + 1) * PAGE_SIZE)
        .mapToObj(i -> "{\"project\":{\"identifier\":\"p%d\",\"orgIdentifier\":\"default\",\"name\":\"Project %d\"}}"
            .formatted(i, i))
        .collect(Collectors.joining(","));
    return """
        {"status":"SUCCESS","data":{"totalItems":%d,"totalPages":3,"pageIndex":%d,"pageSize":%d,"content":[%s]}}"""
        .formatted(3 * PAGE_SIZE, index, PAGE_SIZE, content);
  }
}
