package io.github.harnessreactive.examples.snippets;

import io.github.harnessreactive.generated.sei.v1.model.DoraResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.DateRange;
import io.github.harnessreactive.generated.sei.v2.model.DeveloperFieldMappingDTO;
import io.github.harnessreactive.generated.sei.v2.model.DoraLttcMttrMetric;
import io.github.harnessreactive.generated.sei.v2.model.EfficiencyRequest;
import io.github.harnessreactive.generated.sei.v2.model.ExportRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.ExportScope;
import io.github.harnessreactive.generated.sei.v2.model.MetricsExportRequestDTO;
import io.github.harnessreactive.sei.SeiClient;
import io.github.harnessreactive.sei.SeiEndpoint;
import io.github.harnessreactive.sei.v1.ListQuery;
import io.github.harnessreactive.sei.v2.Developers;
import io.github.harnessreactive.sei.v2.ExportJobFailedException;
import io.github.harnessreactive.sei.v2.ExportOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/** The snippets of {@code harness-sei-client/README.md}. */
final class SeiSnippets {

  private SeiSnippets() {
  }

  static SeiClient client() {
    // snippet: sei-client
    SeiClient sei = SeiClient.builder()
        .v1ApiKey(System.getenv("HARNESS_SEI_V1_KEY"))      // SEI v1: Authorization: ApiKey <key>
        .v1Endpoint(SeiEndpoint.PROD1)                       // PROD1, PROD2, EU, or v1Url(...) for any URL
        .apiKey(System.getenv("HARNESS_API_KEY"))            // SEI 2.0: a PAT, SAT or SEI 2.0 key in x-api-key
        .accountId(System.getenv("HARNESS_ACCOUNT_ID"))      // needed with an SEI 2.0 key; a PAT names its account
        .configure(client -> client.applicationId("metrics-sync"))   // options both sides share
        .build();
    // end-snippet
    return sei;
  }

  static void pullRequestsToFile(SeiClient sei) throws IOException {
    // snippet: sei-pull-requests-to-file
    JsonMapper json = JsonMapper.builder().build();
    try (BufferedWriter out = Files.newBufferedWriter(Path.of("prs.ndjson"))) {
      sei.v1().scm().pullRequests(ListQuery.all().collections(42).sortBy("pr_merged_at", true))
          .publishOn(Schedulers.boundedElastic(), 1000)          // the file is written on a thread meant for blocking
          .doOnNext(pr -> writeLine(out, json.writeValueAsString(pr)))
          .blockLast();                                           // in a main method; a service would subscribe
    }
    // end-snippet
  }

  private static void writeLine(BufferedWriter out, String line) {
    try {
      out.write(line);
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void doraForAQuarter(SeiClient sei) {
    // snippet: sei-dora
    ListQuery q3 = ListQuery.all().collections(42)
        .range("time_range", Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"));
    Mono<DoraResponseDTO> deployments = sei.v1().dora().deploymentFrequency(q3);

    EfficiencyRequest quarter = new EfficiencyRequest().teamRefId("7").granularity("MONTHLY")
        .dateStart(OffsetDateTime.parse("2026-07-01T00:00:00Z")).dateEnd(OffsetDateTime.parse("2026-10-01T00:00:00Z"));
    Mono<DoraLttcMttrMetric> leadTime = sei.v2().efficiency().leadTime("default", "proj", quarter);
    // end-snippet
  }

  static void initialUpload(SeiClient sei) {
    // snippet: sei-initial-upload
    Developers developers = sei.v2().developers();
    developers.initialUpload(Path.of("developers.csv"))
        .flatMap(preview -> developers.saveFieldMappings(preview.getVersionId(), List.of(
                new DeveloperFieldMappingDTO().name("Email").fieldType(DeveloperFieldMappingDTO.FieldTypeEnum.EMAIL),
                new DeveloperFieldMappingDTO().name("Name").fieldType(DeveloperFieldMappingDTO.FieldTypeEnum.NAME)))
            .then(developers.activate(preview.getVersionId())))
        .block();
    // end-snippet
  }

  static void upsert(Developers developers, Flux<Map<String, String>> records, Logger log) {
    // snippet: sei-upsert
    // records: {"email": ..., "name": ..., "manager_email": ...}, from anywhere, of any length
    developers.upsert(records)                                 // UpsertOptions.defaults(): 1000 records, 450,000 characters
        .doOnNext(batch -> {
          switch (batch.outcome()) {
            case SAVED -> log.info("batch {}: {} saved", batch.batchIndex(), batch.records().size());
            case REJECTED -> log.warn("batch {}: {}", batch.batchIndex(), batch.errorGroups());   // SEI's grouped errors
            case FAILED -> log.error("batch {} not saved", batch.batchIndex(), batch.failure().orElseThrow());
            default -> throw new IllegalStateException("unknown outcome " + batch.outcome());
          }
        })
        .blockLast();
    // end-snippet
  }

  static void teamsReport(SeiClient sei, Logger log) {
    // snippet: sei-teams-report
    ExportRequestDTO report = new ExportRequestDTO().collectionId("42")
        .dateStart(OffsetDateTime.parse("2026-07-01T00:00:00Z")).dateEnd(OffsetDateTime.parse("2026-10-01T00:00:00Z"));
    sei.v2().export().teamsReport("default", "proj", report)
        .take(1000).subscribe(csvLine -> log.info(csvLine));
    // end-snippet
  }

  static void exportJob(SeiClient sei, Logger log) {
    // snippet: sei-export-job
    MetricsExportRequestDTO lastQuarter = new MetricsExportRequestDTO()
        .scope(new ExportScope().teamId("7"))
        .dateRange(new DateRange().start("2026-07-01").end("2026-09-30"))
        .metricGroups(List.of("pr", "work"));
    sei.v2().exports().productivity()
        .export("default", "proj", lastQuarter, ExportOptions.defaults().withMaxWait(Duration.ofHours(1)))
        .doOnError(ExportJobFailedException.class, failed -> log.warn("{}", failed.getMessage()))  // names the job and why
        .subscribe(csvLine -> log.info(csvLine));                                                  // the header line first
    // end-snippet
  }
}
