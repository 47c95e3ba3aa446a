package io.github.harnessreactive.sei;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.sei.SeiFixtures.ACCOUNT;
import static io.github.harnessreactive.sei.SeiFixtures.TIMEOUT;
import static io.github.harnessreactive.sei.SeiFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.harnessreactive.generated.sei.v2.model.DeveloperFieldMappingDTO;
import io.github.harnessreactive.generated.sei.v2.model.EfficiencyRequest;
import io.github.harnessreactive.sei.v2.DeleteDevelopersResult;
import io.github.harnessreactive.sei.v2.SeiV2;
import io.github.harnessreactive.sei.v2.UpsertAbortedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The SEI 2.0 families against stubs of the documented bodies. */
class SeiV2FacadesTest {

  @RegisterExtension
  static WireMockExtension sei = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  // Created after the server has started: JUnit builds the test instance after beforeAll.
  private final SeiClient client = SeiFixtures.client(sei);
  private final SeiV2 v2 = client.v2();

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void theInitialUploadFlowUploadsMapsAndActivates(@TempDir Path dir) throws IOException {
    sei.stubFor(post(urlPathEqualTo("/v2/developers")).willReturn(json(200,
        "{\"uploadId\":11,\"versionId\":7,\"fileName\":\"developers.csv\",\"developerCount\":1,\"status\":\"PREVIEW\"}")));
    sei.stubFor(put(urlPathEqualTo("/v2/developers/versions/7/fieldMappings")).willReturn(json(200,
        "{\"uploadId\":11,\"status\":\"SUCCESS\",\"totalRecords\":1,\"validRecords\":1,\"savedRecords\":1}")));
    sei.stubFor(com.github.tomakehurst.wiremock.client.WireMock.patch(urlPathEqualTo("/v2/developers/versions/7"))
        .willReturn(aResponse().withStatus(204)));
    Path csv = Files.writeString(dir.resolve("developers.csv"), "Name,Email,Manager Email\nAda,ada@example.com,\n");

    StepVerifier.create(v2.developers().initialUpload(csv))
        .assertNext(preview -> assertThat(preview.getVersionId()).isEqualTo(7)).verifyComplete();
    StepVerifier.create(v2.developers().saveFieldMappings(7, List.of(
            new DeveloperFieldMappingDTO().name("Email").fieldType(DeveloperFieldMappingDTO.FieldTypeEnum.EMAIL),
            new DeveloperFieldMappingDTO().name("Name").fieldType(DeveloperFieldMappingDTO.FieldTypeEnum.NAME))))
        .assertNext(saved -> assertThat(saved.getSavedRecords()).isEqualTo(1)).verifyComplete();
    StepVerifier.create(v2.developers().activate(7)).verifyComplete();

    sei.verify(postRequestedFor(urlPathEqualTo("/v2/developers"))
        .withRequestBodyPart(new com.github.tomakehurst.wiremock.matching.MultipartValuePatternBuilder().withName("file")
            .withBody(equalTo("Name,Email,Manager Email\nAda,ada@example.com,\n")).build()));
    sei.verify(putRequestedFor(urlPathEqualTo("/v2/developers/versions/7/fieldMappings"))
        .withRequestBody(equalToJson("[{\"name\":\"Email\",\"fieldType\":\"EMAIL\"},{\"name\":\"Name\",\"fieldType\":\"NAME\"}]")));
    sei.verify(patchRequestedFor(urlPathEqualTo("/v2/developers/versions/7")).withRequestBody(equalToJson("{\"active\":true}")));
  }

  @Test
  void beforeTheInitialUploadA412PointsToIt() {
    sei.stubFor(patch(urlPathEqualTo("/v2/developers")).willReturn(json(412,
        "{\"status\":412,\"error\":\"Precondition Failed\",\"message\":\"Developer records are not set up\",\"errorId\":\"e1\"}")));

    StepVerifier.create(v2.developers().upsert(Flux.just(Map.of("email", "ada@example.com"))))
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(UpsertAbortedException.class).hasMessageContaining("initialUpload")
              .hasCauseInstanceOf(DeveloperSetupRequiredException.class);
          assertThat(((UpsertAbortedException) e).unsavedRecords()).containsExactly(Map.of("email", "ada@example.com"));
        })
        .verify(TIMEOUT);
  }

  @Test
  void aDeleteAnswered200WithFailureIsAPartialResult() {
    sei.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo("/v2/developers")).willReturn(json(200, """
        {"status":"FAILURE","errors":[{"errorType":"REQUIRED_VALUE_MISSING","fieldName":"email","errorDeveloperCount":1,
         "invalidEmails":["nobody@example.com"]}]}""")));

    StepVerifier.create(v2.developers().delete(List.of("ada@example.com", "nobody@example.com")))
        .assertNext((DeleteDevelopersResult result) -> {
          assertThat(result.complete()).isFalse();
          assertThat(result.errorGroups()).singleElement()
              .satisfies(g -> assertThat(g.invalidEmails()).containsExactly("nobody@example.com"));
        })
        .verifyComplete();
    sei.verify(com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(urlPathEqualTo("/v2/developers"))
        .withRequestBody(equalToJson("{\"emails\":[\"ada@example.com\",\"nobody@example.com\"]}")));
  }

  @Test
  void teamsOrgTreesSchemaAndInsights() {
    sei.stubFor(get(urlPathEqualTo("/v2/teams/7/team_info")).willReturn(json(200, "{\"teamRefId\":7,\"teamName\":\"Core\"}")));
    sei.stubFor(get(urlPathEqualTo("/v2/org-trees/3")).willReturn(json(200, "{\"id\":3,\"name\":\"Engineering\"}")));
    sei.stubFor(get(urlPathEqualTo("/v2/developers/schema")).willReturn(json(200, "{\"fields\":[]}")));
    for (String metric : List.of("deploymentFrequency", "changeFailureRate", "mttr", "leadtime")) {
      sei.stubFor(post(urlPathEqualTo("/v2/insights/efficiency/" + metric)).willReturn(json(200, "{}")));
    }
    OffsetDateTime end = OffsetDateTime.parse("2026-10-01T00:00:00Z");
    EfficiencyRequest quarter = new EfficiencyRequest().teamRefId("7").dateStart(end.minusMonths(3)).dateEnd(end).granularity("MONTHLY");

    StepVerifier.create(v2.teams().info(7)).expectNextCount(1).verifyComplete();
    StepVerifier.create(v2.orgTrees().get(3)).assertNext(t -> assertThat(t.getName()).isEqualTo("Engineering")).verifyComplete();
    StepVerifier.create(v2.developers().schema()).expectNextCount(1).verifyComplete();
    StepVerifier.create(v2.efficiency().deploymentFrequency("default", "proj", quarter)).expectNextCount(1).verifyComplete();
    StepVerifier.create(v2.efficiency().changeFailureRate("default", "proj", quarter)).expectNextCount(1).verifyComplete();
    StepVerifier.create(v2.efficiency().meanTimeToRestore("default", "proj", quarter)).expectNextCount(1).verifyComplete();
    StepVerifier.create(v2.efficiency().leadTime("default", "proj", quarter)).expectNextCount(1).verifyComplete();

    sei.verify(postRequestedFor(urlPathEqualTo("/v2/insights/efficiency/deploymentFrequency"))
        .withQueryParam("account", equalTo(ACCOUNT)).withQueryParam("orgIdentifier", equalTo("default"))
        .withRequestBody(equalToJson("""
            {"teamRefId":"7","dateStart":"2026-07-01T00:00:00Z","dateEnd":"2026-10-01T00:00:00Z","granularity":"MONTHLY"}""")));
  }
}
