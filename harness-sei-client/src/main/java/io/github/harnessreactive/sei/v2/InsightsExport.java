package io.github.harnessreactive.sei.v2;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;
import static io.github.harnessreactive.core.Identifiers.requireIdentifierOrNull;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.generated.sei.v2.api.InsightsExportApi;
import io.github.harnessreactive.generated.sei.v2.model.ExportRequestDTO;
import io.github.harnessreactive.sei.SeiErrors;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * The team and collection reports ({@code POST /v2/insights/teams/reports}, {@code /v2/insights/reports}),
 * streamed as they arrive. For reports too long to build within one request, use the export jobs
 * ({@link Exports#insights}).
 */
public final class InsightsExport {

  private final HarnessClient client;
  private final HarnessApi<InsightsExportApi> api;

  InsightsExport(HarnessClient client) {
    this.client = client;
    this.api = client.api(InsightsExportApi.class);
  }

  /**
   * The report, line by line (CSV), decoded as the body arrives: never buffered whole, so a report
   * of any size streams in constant memory. Cancelling closes the connection and stops the
   * download. The client's deadline bounds the time to the first line only; after it, the download
   * fails only on a gap longer than the response timeout while the consumer waits for a line, so a
   * report may take as long as it takes and a slow consumer is never the cause. A download that
   * breaks after lines arrived is not repeated (the lines would come twice) and fails with a typed
   * error saying how many had arrived ({@code retryRefusal().emitted()}).
   *
   * @throws IllegalArgumentException when an identifier given is not a Harness identifier
   */
  public Flux<String> teamsReport(String org, String project, ExportRequestDTO request) {
    requireIdentifierOrNull(org, "org");
    requireIdentifierOrNull(project, "project");
    return api.callMany(a -> a.exportTeamsReportWithResponseSpec(SeiV2.account(client), request, org, project, null)
        .bodyToFlux(String.class)).onErrorMap(SeiErrors::forbidden);
  }

  /**
   * The report of a collection ({@code request.collectionId}), line by line (CSV), streamed as
   * {@link #teamsReport} is: never buffered whole, cancelling closes the connection, the deadline
   * bounds the time to the first line only.
   *
   * @throws IllegalArgumentException when {@code org} or {@code project} is not a Harness identifier
   * @throws NullPointerException when an argument is {@code null}
   */
  public Flux<String> collectionReport(String org, String project, ExportRequestDTO request) {
    requireIdentifier(org, "org");
    requireIdentifier(project, "project");
    Objects.requireNonNull(request, "request");
    return api.callMany(a -> a.exportCollectionReportWithResponseSpec(SeiV2.account(client), request, org, project, null)
        .bodyToFlux(String.class)).onErrorMap(SeiErrors::forbidden);
  }
}
