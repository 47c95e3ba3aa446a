package io.github.harnessreactive.core.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.core.TestHarness.TIMEOUT;
import static io.github.harnessreactive.core.TestHarness.json;
import static io.github.harnessreactive.core.TestHarness.objects;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.TestHarness;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.exception.HarnessException;
import io.github.harnessreactive.core.exception.ServerErrorException;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import io.github.harnessreactive.generated.platform.ng.model.ProjectResponse;
import io.github.harnessreactive.generated.sei.v1.api.CollectionCategoriesApi;
import io.github.harnessreactive.generated.sei.v1.model.DefaultListRequest;
import io.github.harnessreactive.generated.sei.v1.model.OrgUnitCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Carrying on after a listing failed: checkpoints kept atomically on disk, the item-level helper
 * that saves a page once its items are processed, the token a failed listing hands back, and
 * tokens that survive a rotated key of the same account.
 */
class CheckpointsTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** Five pages of two categories, c0..c9; page {@code failing} answers 503 when given. */
  private static void fivePages(int failing) {
    harness.resetAll();
    for (int page = 0; page < 5; page++) {
      List<String> items = List.of("c" + (2 * page), "c" + (2 * page + 1));
      harness.stubFor(post(urlPathEqualTo("/v1/org/groups/list")).withRequestBody(matchingJsonPath("$.page", equalTo("" + page)))
          .willReturn(page == failing ? json(503, "") : json(200, """
              {"records":%s,"count":2,"_metadata":{"page":%d,"page_size":2,"has_next":%b,"total_count":10}}"""
              .formatted(objects(items, "{\"name\":\"%s\"}"), page, page < 4))));
    }
  }

  private static PagedFlux<OrgUnitCategory> categories(HarnessClient client) {
    return client.api(CollectionCategoriesApi.class).paged("listCollectionCategories", OrgUnitCategory.class, List.of(),
        (api, page) -> api.listCollectionCategoriesWithResponseSpec(new DefaultListRequest().page(page.index())
            .pageSize(page.size()))).withPageSize(2);
  }

  @Test
  void aFileStoreKeepsTheLastCheckpointWholeAndForgetsItOnDelete(@TempDir Path dir) throws IOException {
    FileCheckpointStore store = FileCheckpointStore.in(dir.resolve("checkpoints"));
    StepVerifier.create(store.load("export ../../etc/passwd")).verifyComplete();

    StepVerifier.create(store.save("export ../../etc/passwd", Checkpoint.of("t1").withAttribute("offset", "10"))
        .then(store.save("export ../../etc/passwd", Checkpoint.of("t2").withAttribute("offset", "20")))
        .then(store.load("export ../../etc/passwd")))
        .assertNext(checkpoint -> {
          assertThat(checkpoint.continuationToken()).isEqualTo("t2");
          assertThat(checkpoint.attribute("offset")).contains("20");
          assertThat(checkpoint.toString()).doesNotContain("t2");
        })
        .verifyComplete();
    try (Stream<Path> files = Files.list(dir.resolve("checkpoints"))) {
      assertThat(files).singleElement().satisfies(file -> assertThat(file).isEqualTo(store.fileOf("export ../../etc/passwd")));
    }

    Files.writeString(store.fileOf("damaged"), "{\"continuationToken\":");
    StepVerifier.create(store.load("damaged")).expectError(IllegalStateException.class).verify(TIMEOUT);
    StepVerifier.create(store.delete("export ../../etc/passwd").then(store.load("export ../../etc/passwd"))).verifyComplete();
  }

  @Test
  void aListingThatFailsForGoodHandsBackTheTokenOfThePageThatFailedAndNeverInItsMessage() {
    fivePages(3);
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(TestHarness.PAT)).build()) {
      AtomicReference<Throwable> failure = new AtomicReference<>();
      StepVerifier.create(categories(client).map(OrgUnitCategory::getName))
          .expectNext("c0", "c1", "c2", "c3", "c4", "c5")
          .expectErrorSatisfies(failure::set)
          .verify(TIMEOUT);
      assertThat(failure.get()).isInstanceOf(ServerErrorException.class);
      String token = ((HarnessException) failure.get()).continuationToken().orElseThrow();
      assertThat(failure.get().getMessage()).doesNotContain(token);

      fivePages(-1);
      StepVerifier.create(categories(client).byPage(token).concatMapIterable(Page::items).map(OrgUnitCategory::getName))
          .expectNext("c6", "c7", "c8", "c9").verifyComplete();
    }
  }

  @Test
  void theItemHelperSavesAPageOnceItsItemsAreProcessedAndResumesFromIt() {
    InMemoryCheckpointStore store = new InMemoryCheckpointStore();
    List<String> processed = new CopyOnWriteArrayList<>();
    fivePages(3);
    try (HarnessClient client = TestHarness.client(harness, ApiKeyCredential.of(TestHarness.PAT)).build()) {
      StepVerifier.create(categories(client).checkpointed(store, "categories")
              .concatMap(category -> Mono.fromRunnable(() -> processed.add(category.getName())), 0))
          .expectError(ServerErrorException.class).verify(TIMEOUT);
      assertThat(processed).containsExactly("c0", "c1", "c2", "c3", "c4", "c5");
      assertThat(store.load("categories").block(TIMEOUT)).as("saved after page 2's items").isNotNull();

      fivePages(-1);
      StepVerifier.create(categories(client).checkpointed(store, "categories")
              .concatMap(category -> Mono.fromRunnable(() -> processed.add(category.getName())), 0))
          .verifyComplete();
      assertThat(processed).containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9");
      assertThat(store.load("categories").block(TIMEOUT)).as("deleted once the listing is done").isNull();
    }
  }

  @Test
  void aTokenResumesAfterTheKeyIsRotatedWithinTheAccountButNotInAnotherAccount() {
    harness.resetAll();
    for (int page = 0; page < 2; page++) {
      harness.stubFor(get(urlPathEqualTo("/ng/api/projects")).withQueryParam("pageIndex", equalTo("" + page))
          .willReturn(json(200, """
              {"status":"SUCCESS","data":{"totalItems":4,"totalPages":2,"pageIndex":%d,"pageSize":2,
               "content":[{"project":{"identifier":"p%d"}},{"project":{"identifier":"p%d"}}]}}"""
              .formatted(page, 2 * page, 2 * page + 1))));
    }
    ApiKeyCredential key = ApiKeyCredential.of(TestHarness.PAT);
    try (HarnessClient client = TestHarness.client(harness, key).build()) {
      String token = projects(client).byPage().blockFirst(TIMEOUT).continuationToken().orElseThrow();

      key.rotate("pat." + TestHarness.ACCOUNT + ".n3wToken.N3wS3cretValue987654");
      StepVerifier.create(projects(client).byPage(token)).expectNextCount(1).thenCancel().verify(TIMEOUT);

      try (HarnessClient other = TestHarness.client(harness, ApiKeyCredential.of("pat.0therAccount.t.S3cretOfAnother12345"))
          .build()) {
        StepVerifier.create(projects(other).byPage(token))
            .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("of another account").hasMessageNotContaining(token))
            .verify(TIMEOUT);
      }
    }
  }

  private static PagedFlux<ProjectResponse> projects(HarnessClient client) {
    return client.api(ProjectsApi.class).paged("listProjects", ProjectResponse.class, List.of("default"),
        (api, page) -> api.listProjectsWithResponseSpec(client.accountId().orElseThrow(), "default", null, null, null, null,
            page.index(), page.size(), null, null, null)).withPageSize(2);
  }
}
