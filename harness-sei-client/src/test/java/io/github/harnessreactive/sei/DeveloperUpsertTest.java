package io.github.harnessreactive.sei;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.harnessreactive.sei.SeiFixtures.TIMEOUT;
import static io.github.harnessreactive.sei.SeiFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.harnessreactive.core.exception.BadRequestException;
import io.github.harnessreactive.core.exception.ResponseDecodeException;
import io.github.harnessreactive.core.exception.UnauthorizedException;
import io.github.harnessreactive.sei.v2.UpsertAbortedException;
import io.github.harnessreactive.sei.v2.UpsertBatchResult;
import io.github.harnessreactive.sei.v2.UpsertOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 25,000 developer records upserted in batches: every batch within the record and character
 * limits, every record sent once and reported once, a failed batch reported with its records and a
 * rejected batch with SEI's error groups.
 */
class DeveloperUpsertTest {

  static final int RECORDS = 25_000;
  static final UpsertOptions OPTIONS = new UpsertOptions(1000, 40_000);

  @RegisterExtension
  static WireMockExtension sei = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static Map<String, String> developer(int i) {
    Map<String, String> record = new HashMap<>();
    record.put("email", "dev%05d@example.com".formatted(i));
    record.put("name", "Developer %05d".formatted(i));
    record.put("manager_email", "lead%03d@example.com".formatted(i % 100));
    return record;
  }

  @Test
  void twentyFiveThousandRecordsInBatches() {
    sei.stubFor(patch(urlPathEqualTo("/v2/developers")).atPriority(5).willReturn(json(200, "{\"status\":\"SUCCESS\"}")));
    sei.stubFor(patch(urlPathEqualTo("/v2/developers")).atPriority(1).withRequestBody(containing("\"dev10000@example.com\""))
        .willReturn(json(400, "{\"status\":400,\"error\":\"Bad Request\",\"message\":\"malformed batch\",\"errorId\":\"b1\"}")));
    sei.stubFor(patch(urlPathEqualTo("/v2/developers")).atPriority(1).withRequestBody(containing("\"dev20000@example.com\""))
        .willReturn(json(200, """
            {"status":"FAILURE","errors":[{"errorType":"DUPLICATE_EMAIL","fieldName":"email","errorDeveloperCount":2,
             "sampleErrorDevelopers":[{"email":"dev20000@example.com"}]},
             {"errorType":"MANAGER_EMAIL_MISSING_IN_DEVELOPER_EMAILS","fieldName":"manager_email","errorDeveloperCount":40,
             "sampleErrorDevelopers":[{"email":"dev20001@example.com"}],"invalidEmails":["lead001@example.com"]}]}""")));
    AtomicInteger produced = new AtomicInteger();
    Flux<Map<String, String>> developers = Flux.range(0, RECORDS).map(i -> {
      produced.incrementAndGet();
      return developer(i);
    });

    List<UpsertBatchResult> results;
    try (SeiClient client = SeiFixtures.client(sei)) {
      results = client.v2().developers().upsert(developers, OPTIONS).collectList().block(TIMEOUT);
    }

    List<LoggedRequest> requests = sei.findAll(patchRequestedFor(urlPathEqualTo("/v2/developers")));
    assertThat(results).hasSameSizeAs(requests);
    JsonMapper json = JsonMapper.builder().build();
    List<String> sent = new ArrayList<>();
    for (LoggedRequest request : requests) {
      String body = request.getBodyAsString();
      assertThat(body.length()).isLessThanOrEqualTo(OPTIONS.maxCharacters()).isLessThan(UpsertOptions.LARGE_REQUEST_CHARACTERS);
      JsonNode array = json.readTree(body);
      assertThat(array.size()).isLessThanOrEqualTo(OPTIONS.maxRecords());
      array.forEach(record -> sent.add(record.get("email").asString()));
    }
    assertThat(sent).hasSize(RECORDS).doesNotHaveDuplicates();
    assertThat(results).extracting(UpsertBatchResult::batchIndex).isSorted().doesNotHaveDuplicates();
    assertThat(results.stream().mapToInt(r -> r.records().size()).sum()).isEqualTo(RECORDS);
    assertThat(results).allSatisfy(r -> assertThat(r.characters()).isLessThanOrEqualTo(OPTIONS.maxCharacters()));
    assertThat(produced).hasValue(RECORDS);

    assertThat(results).filteredOn(r -> r.outcome() == UpsertBatchResult.Outcome.FAILED).singleElement().satisfies(failed -> {
      assertThat(failed.records()).extracting(r -> r.get("email")).contains("dev10000@example.com");
      assertThat(failed.failure()).get().isInstanceOf(BadRequestException.class);
      assertThat(failed.failedRecordsKnown()).isTrue();
    });
    assertThat(results).filteredOn(r -> r.outcome() == UpsertBatchResult.Outcome.REJECTED).singleElement().satisfies(rejected -> {
      assertThat(rejected.records()).extracting(r -> r.get("email")).contains("dev20000@example.com");
      assertThat(rejected.errorGroups()).extracting(UpsertBatchResult.ErrorGroup::type)
          .containsExactly("DUPLICATE_EMAIL", "MANAGER_EMAIL_MISSING_IN_DEVELOPER_EMAILS");
      assertThat(rejected.errorGroups().get(1).developerCount()).isEqualTo(40);
      assertThat(rejected.errorGroups().get(1).invalidEmails()).containsExactly("lead001@example.com");
      assertThat(rejected.failedRecordsKnown()).isFalse();
    });
    assertThat(results).filteredOn(r -> r.outcome() == UpsertBatchResult.Outcome.SAVED).hasSize(results.size() - 2);
    System.out.printf("upsert: %d records in %d requests, largest %d characters%n", RECORDS, requests.size(),
        results.stream().mapToInt(UpsertBatchResult::characters).max().orElse(0));
  }

  /** M12: a proxy's page answered with 200 instead of SEI's answer fails its batch, not the upload. */
  @Test
  void anHtmlPageAnsweredForOneBatchFailsThatBatchOnly() {
    sei.stubFor(patch(urlPathEqualTo("/v2/developers")).atPriority(5).willReturn(json(200, "{\"status\":\"SUCCESS\"}")));
    sei.stubFor(patch(urlPathEqualTo("/v2/developers")).atPriority(1).withRequestBody(containing("\"dev00100@example.com\""))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<title>Sign in</title>")));

    List<UpsertBatchResult> results;
    try (SeiClient client = SeiFixtures.client(sei)) {
      results = client.v2().developers().upsert(Flux.range(0, 300).map(DeveloperUpsertTest::developer),
          new UpsertOptions(100, 450_000)).collectList().block(TIMEOUT);
    }

    assertThat(results).extracting(UpsertBatchResult::outcome).containsExactly(UpsertBatchResult.Outcome.SAVED,
        UpsertBatchResult.Outcome.FAILED, UpsertBatchResult.Outcome.SAVED);
    assertThat(results.get(1).failure()).get().isInstanceOf(ResponseDecodeException.class)
        .satisfies(e -> assertThat(((ResponseDecodeException) e).statusCode()).isEqualTo(200));
  }

  /** L7: a failure no later batch escapes names the batch and carries every record read and not saved. */
  @Test
  void aFatalFailureNamesTheBatchAndTheRecordsNotSaved() {
    sei.stubFor(patch(urlPathEqualTo("/v2/developers")).atPriority(5).willReturn(json(200, "{\"status\":\"SUCCESS\"}")));
    sei.stubFor(patch(urlPathEqualTo("/v2/developers")).atPriority(1).withRequestBody(containing("\"dev00200@example.com\""))
        .willReturn(json(401, "{\"status\":401,\"error\":\"Unauthorized\",\"message\":\"key revoked\"}")));
    AtomicInteger produced = new AtomicInteger();
    AtomicInteger unsaved = new AtomicInteger();
    List<UpsertBatchResult> results = new ArrayList<>();

    try (SeiClient client = SeiFixtures.client(sei)) {
      StepVerifier.create(client.v2().developers().upsert(Flux.range(0, 1000).map(i -> {
            produced.incrementAndGet();
            return developer(i);
          }), new UpsertOptions(100, 450_000)).doOnNext(results::add))
          .expectNextCount(2)
          .expectErrorSatisfies(e -> {
            assertThat(e).isInstanceOf(UpsertAbortedException.class).hasCauseInstanceOf(UnauthorizedException.class)
                .hasMessageStartingWith("the upload stopped at batch 2: its 100 record(s) and ")
                .hasMessageNotContaining("@example.com");
            UpsertAbortedException aborted = (UpsertAbortedException) e;
            assertThat(aborted.batchIndex()).isEqualTo(2);
            assertThat(aborted.unsavedRecords()).extracting(r -> r.get("email"))
                .startsWith("dev00200@example.com").doesNotHaveDuplicates();
            unsaved.set(aborted.unsavedRecords().size());
          })
          .verify(TIMEOUT);
    }
    // Every record read from the source is in exactly one place: a result, or the records not saved.
    assertThat(results.stream().mapToInt(r -> r.records().size()).sum() + unsaved.get()).isEqualTo(produced.get());
  }

  @Test
  void recordsArePulledOnlyAsBatchesAreSent() {
    sei.stubFor(patch(urlPathEqualTo("/v2/developers")).willReturn(json(200, "{\"status\":\"SUCCESS\"}")));
    AtomicInteger produced = new AtomicInteger();
    Flux<Map<String, String>> endless = Flux.range(0, Integer.MAX_VALUE).map(i -> {
      produced.incrementAndGet();
      return developer(i);
    });

    try (SeiClient client = SeiFixtures.client(sei)) {
      List<UpsertBatchResult> first = client.v2().developers().upsert(endless, new UpsertOptions(100, 450_000))
          .take(3).collectList().block(TIMEOUT);
      assertThat(first).hasSize(3);
    }
    // three batches of 100, plus the record that closed the third batch and at most one batch being filled
    assertThat(produced.get()).isLessThanOrEqualTo(500);
  }
}
