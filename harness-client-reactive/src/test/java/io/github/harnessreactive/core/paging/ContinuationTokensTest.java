package io.github.harnessreactive.core.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.core.TestHarness.ACCOUNT;
import static io.github.harnessreactive.core.TestHarness.TIMEOUT;
import static io.github.harnessreactive.core.TestHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.TestHarness;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import io.github.harnessreactive.generated.platform.ng.model.ProjectResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

/**
 * M6: a continuation token comes back from outside, so it is checked before any request (its
 * length, its numbers against each other and the operation's maximum page size) and never echoed;
 * with a key, only tokens signed with it resume.
 */
class ContinuationTokensTest {

  @RegisterExtension
  static WireMockExtension harness = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

  /** Five projects in pages of two. */
  @BeforeEach
  void stubPages() {
    harness.resetAll();
    for (int page = 0; page < 3; page++) {
      StringBuilder content = new StringBuilder();
      for (int i = 2 * page; i < Math.min(5, 2 * page + 2); i++) {
        content.append(content.length() == 0 ? "" : ",").append("{\"project\":{\"identifier\":\"p").append(i).append("\"}}");
      }
      harness.stubFor(get(urlPathEqualTo("/ng/api/projects")).withQueryParam("pageIndex", equalTo("" + page)).willReturn(json(200, """
          {"status":"SUCCESS","data":{"totalItems":5,"totalPages":3,"pageIndex":%d,"pageSize":2,"content":[%s]}}"""
          .formatted(page, content))));
    }
  }

  private static HarnessClient client(byte[] key) {
    HarnessClient.Builder builder = TestHarness.client(harness, ApiKeyCredential.of(TestHarness.PAT));
    return key == null ? builder.build() : builder.continuationTokenKey(key).build();
  }

  private static PagedFlux<ProjectResponse> projects(HarnessClient client) {
    return client.api(ProjectsApi.class).paged("listProjects", ProjectResponse.class, List.of(),
        (api, page) -> api.listProjectsWithResponseSpec(ACCOUNT, null, null, null, null, null, page.index(), page.size(), null, null, null))
        .withPageSize(2);
  }

  /** The token of the first page of a listing by this client. */
  private static String firstPageToken(HarnessClient client) {
    return projects(client).byPage().blockFirst(TIMEOUT).continuationToken().orElseThrow();
  }

  /** The token with one of its fields rewritten: 0 version, 1 operation, 2 binding, 3 next index, 4 page size, 5 seen, 6 total. */
  private static String forged(String token, Function<String[], String[]> change) {
    String[] fields = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
    String forged = String.join("|", change.apply(Arrays.copyOf(fields, fields.length)));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8));
  }

  private static void expectRefused(HarnessClient client, String token, String fragment, String... notShown) {
    int before = harness.getAllServeEvents().size();
    StepVerifier.create(projects(client).byPage(token))
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(fragment);
          for (String value : notShown) {
            assertThat(e.getMessage()).doesNotContain(value);
          }
        })
        .verify(TIMEOUT);
    assertThat(harness.getAllServeEvents()).as("requests after the forged token").hasSize(before);
  }

  @ParameterizedTest(name = "field {0} = {1}")
  @CsvSource({
      "4, 1000, its page size is not between 1 and the operation's maximum of 100",
      "4, 0, its page size",
      "3, -1, its page index is negative or too large",
      "3, 2147483647, its page index is negative or too large",
      "5, -5, it counts more items seen than its pages can hold",
      "5, 999999, it counts more items seen than its pages can hold",
      "6, -7, its total is negative",
      "6, 1, its total is negative or smaller than the items it counts as seen"})
  void aForgedTokenIsRangeCheckedBeforeAnyRequest(int field, String value, String fragment) {
    try (HarnessClient client = client(null)) {
      String token = forged(firstPageToken(client), fields -> {
        fields[field] = value;
        return fields;
      });
      expectRefused(client, token, "a continuation token out of range: " + fragment, token);
    }
  }

  @Test
  void whatATokenHoldsIsNeverEchoed() {
    try (HarnessClient client = client(null)) {
      String token = forged(firstPageToken(client), fields -> {
        fields[1] = "platform-ng/EVIL<script>";
        return fields;
      });
      expectRefused(client, token, "belongs to another operation than platform-ng/listProjects", "EVIL");
      expectRefused(client, "A".repeat(100_000), "longer than 2048 characters");
    }
  }

  @Test
  void withAKeyOnlyTokensSignedWithItResume() {
    String signed;
    String unsigned;
    try (HarnessClient keyed = client(KEY); HarnessClient plain = client(null)) {
      signed = firstPageToken(keyed);
      unsigned = firstPageToken(plain);
    }

    try (HarnessClient sameKey = client(KEY)) {
      StepVerifier.create(projects(sameKey).byPage(signed).map(page -> page.items().size())).expectNext(2, 1).expectComplete()
          .verify(TIMEOUT);
      expectRefused(sameKey, unsigned, "is not signed, and this client accepts only tokens signed with its key");
      expectRefused(sameKey, forged(signed, fields -> {
        fields[5] = "0";
        return fields;
      }), "signature does not match this client's key");
    }
    try (HarnessClient otherKey = client(OTHER_KEY); HarnessClient noKey = client(null)) {
      expectRefused(otherKey, signed, "signature does not match this client's key");
      expectRefused(noKey, signed, "the continuation token is signed");
    }
  }
}
