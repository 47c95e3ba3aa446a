package io.github.harnessreactive.sei;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.sei.SeiFixtures.TIMEOUT;
import static io.github.harnessreactive.sei.SeiFixtures.array;
import static io.github.harnessreactive.sei.SeiFixtures.json;
import static io.github.harnessreactive.sei.SeiFixtures.seiV1Page;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.generated.sei.v2.model.OrgTreeResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.TeamDeveloperDTO;
import io.github.harnessreactive.generated.sei.v2.model.TeamSummary;
import io.github.harnessreactive.sei.v1.ListQuery;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** SEI lists as streams: large PR listings, the SEI v1 has_next quirk, and every SEI 2.0 page shape. */
class SeiStreamingTest {

  @RegisterExtension
  static WireMockExtension sei = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private SeiClient client;

  @BeforeEach
  void setUp() {
    client = SeiFixtures.client(sei);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static List<String> records(String format, int from, int count) {
    return IntStream.range(from, from + count).mapToObj(format::formatted).toList();
  }

  @Test
  void tenPagesOfAThousandPullRequestsArriveOnceInOrder() {
    for (int page = 0; page < 10; page++) {
      sei.stubFor(post(urlPathEqualTo("/v1/scm/prs/list")).withRequestBody(matchingJsonPath("$.page", equalTo("" + page)))
          .willReturn(json(200, seiV1Page(records("{\"id\":\"pr%d\",\"title\":\"change\"}", page * 1000, 1000), page, 1000, true, 10_000))));
    }

    StepVerifier.create(client.v1().scm().pullRequests(ListQuery.all().collections(42)).map(pr -> (String) pr.get("id")))
        .expectNextSequence(IntStream.range(0, 10_000).mapToObj(i -> "pr" + i).toList())
        .expectComplete()
        .verify(TIMEOUT);
    sei.verify(10, postRequestedFor(urlPathEqualTo("/v1/scm/prs/list")).withRequestBody(matchingJsonPath("$.page_size", equalTo("1000"))));
    assertThat(sei.getAllServeEvents()).hasSize(10);
  }

  @Test
  void theHasNextQuirkEndsOnTheEmptyPage() {
    sei.stubFor(post(urlPathEqualTo("/v1/integrations/list")).withRequestBody(matchingJsonPath("$.page", equalTo("0")))
        .willReturn(json(200, seiV1Page(records("{\"id\":\"%d\",\"name\":\"i\"}", 0, 2), 0, 2, true, null))));
    sei.stubFor(post(urlPathEqualTo("/v1/integrations/list")).withRequestBody(matchingJsonPath("$.page", equalTo("1")))
        .willReturn(json(200, seiV1Page(List.of(), 1, 2, true, null)))); // SEI still says has_next

    StepVerifier.create(client.v1().integrations().list(ListQuery.all()).withPageSize(2)).expectNextCount(2).expectComplete().verify(TIMEOUT);
    assertThat(sei.getAllServeEvents()).hasSize(2);
  }

  @Test
  void developersEndWhenTheTotalIsReachedMidPage() {
    for (int page = 0; page < 3; page++) {
      int count = page < 2 ? 2 : 1;
      sei.stubFor(get(urlPathEqualTo("/v2/developers")).withQueryParam("pageIndex", equalTo("" + page))
          .willReturn(json(200, "{\"records\":" + array(records("{\"email\":\"d%d@example.com\"}", page * 2, count))
              + ",\"totalRecords\":5,\"pageIndex\":" + page + ",\"pageSize\":2}")));
    }

    StepVerifier.create(client.v2().developers().list().withPageSize(2).map(d -> d.get("email")))
        .expectNext("d0@example.com", "d1@example.com", "d2@example.com", "d3@example.com", "d4@example.com")
        .expectComplete().verify(TIMEOUT);
    assertThat(sei.getAllServeEvents()).hasSize(3);
    sei.verify(getRequestedFor(urlPathEqualTo("/v2/developers")).withHeader("x-api-key", equalTo(SeiFixtures.PAT))
        .withHeader("Harness-Account", equalTo(SeiFixtures.ACCOUNT)));
  }

  @Test
  void teamsOrgTreesAndTeamDevelopersPageByTheirOwnShapes() {
    for (int page = 0; page < 2; page++) {
      sei.stubFor(get(urlPathEqualTo("/v2/teams/list")).withQueryParam("page", equalTo("" + page))
          .willReturn(json(200, "{\"items\":" + array(records("{\"name\":\"team%d\"}", page * 2, 2 - page))
              + ",\"totalItems\":3,\"totalPages\":2,\"pageIndex\":" + page + ",\"pageSize\":2,\"hasNext\":" + (page == 0) + "}")));
      sei.stubFor(get(urlPathEqualTo("/v2/org-trees")).withQueryParam("pageIndex", equalTo("" + page))
          .willReturn(json(200, "{\"records\":" + array(records("{\"name\":\"tree%d\"}", page * 2, 2 - page))
              + ",\"totalCount\":3,\"pageIndex\":" + page + ",\"pageSize\":2}")));
      sei.stubFor(get(urlPathEqualTo("/v2/teams/7/developers")).withQueryParam("pageIndex", equalTo("" + page))
          .willReturn(json(200, "{\"developers\":" + array(records("{\"email\":\"m%d@example.com\"}", page * 2, 2 - page))
              + ",\"pagination\":{\"pageNumber\":" + page + ",\"pageSize\":2,\"totalElements\":3,\"totalPages\":2}}")));
    }

    StepVerifier.create(client.v2().teams().list("default", "proj").withPageSize(2).map(TeamSummary::getName))
        .expectNext("team0", "team1", "team2").verifyComplete();
    StepVerifier.create(client.v2().orgTrees().list("default", "proj").withPageSize(2).map(OrgTreeResponseDTO::getName))
        .expectNext("tree0", "tree1", "tree2").verifyComplete();
    StepVerifier.create(client.v2().teams().developers(7).withPageSize(2).map(TeamDeveloperDTO::getEmail))
        .expectNext("m0@example.com", "m1@example.com", "m2@example.com").verifyComplete();

    sei.verify(getRequestedFor(urlPathEqualTo("/v2/teams/list")).withQueryParam("account", equalTo(SeiFixtures.ACCOUNT))
        .withQueryParam("orgIdentifier", equalTo("default")).withQueryParam("projectIdentifier", equalTo("proj")));
    assertThat(sei.getAllServeEvents()).hasSize(6);
  }
}
