package io.github.harnessreactive.sei.v2;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v2.api.AsyncExportsApi;
import io.github.harnessreactive.generated.sei.v2.api.BusinessAlignmentExportsApi;
import io.github.harnessreactive.generated.sei.v2.api.EfficiencyExportsApi;
import io.github.harnessreactive.generated.sei.v2.api.ProductivityExportsApi;
import io.github.harnessreactive.generated.sei.v2.api.SprintExportsApi;
import io.github.harnessreactive.generated.sei.v2.api.TicketDataExportsApi;
import io.github.harnessreactive.generated.sei.v2.model.BAExportRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.BAExportResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.EfficiencyExportRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.EfficiencyExportResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.EfficiencyExportStatusResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.ErrorInfo;
import io.github.harnessreactive.generated.sei.v2.model.ExportItem;
import io.github.harnessreactive.generated.sei.v2.model.ExportJobDTO;
import io.github.harnessreactive.generated.sei.v2.model.ExportRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.IssueTimeInStatusExportRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.IssueTimeInStatusExportResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.MetricsExport;
import io.github.harnessreactive.generated.sei.v2.model.MetricsExportRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.MetricsExportResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.SprintExportRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.SprintExportResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.SprintExportStatusResponseDTO;
import io.github.harnessreactive.sei.SeiErrors;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SEI 2.0 exports as one stream each: the asynchronous insights export of a collection
 * ({@code /v2/insights/async-exports}) and the export jobs of each domain
 * ({@link #productivity()}, {@link #sprints()}, {@link #efficiency()}, {@link #businessAlignment()},
 * {@link #ticketData()}). Every export starts a job, polls its status until it is done (each poll its
 * own call, at growing intervals, the whole wait bounded by {@link ExportOptions#maxWait()}), then
 * streams the CSV file line by line; see {@link ExportJobs} for the rules. Thread-safe.
 *
 * <pre>{@code
 * sei.v2().exports().insights("default", "proj", new ExportRequestDTO().collectionId("42")
 *         .dateStart(start).dateEnd(end))
 *     .subscribe(line -> ...);
 * }</pre>
 */
public final class Exports {

  private final HarnessClient client;
  private final HarnessApi<AsyncExportsApi> async;
  private final ExportJobFlow<ExportJobDTO> insights;
  private final ExportJobs<MetricsExportRequestDTO, MetricsExportResponseDTO, ExportItem> productivity;
  private final ExportJobs<SprintExportRequestDTO, SprintExportStatusResponseDTO, ExportItem> sprints;
  private final ExportJobs<EfficiencyExportRequestDTO, EfficiencyExportStatusResponseDTO, ExportItem> efficiency;
  private final ExportJobs<BAExportRequestDTO, BAExportResponseDTO, ExportItem> businessAlignment;
  private final ExportJobs<IssueTimeInStatusExportRequestDTO, IssueTimeInStatusExportResponseDTO, MetricsExport> ticketData;

  Exports(HarnessClient client) {
    this.client = client;
    this.async = client.api(AsyncExportsApi.class);
    this.insights = new ExportJobFlow<>("insights export",
        id -> async.call(a -> a.getAsyncExport(SeiV2.account(client), UUID.fromString(id))).onErrorMap(SeiErrors::forbidden),
        job -> new ExportJobFlow.State(job.getStatus(), job.getErrorMessage()),
        id -> async.callMany(a -> a.downloadAsyncExportWithResponseSpec(SeiV2.account(client), UUID.fromString(id))
            .bodyToFlux(String.class)).onErrorMap(SeiErrors::forbidden));
    this.productivity = ExportJobs.bind(client.api(ProductivityExportsApi.class), new ExportEndpoints<>(
        "productivity export", (a, org, project, request) -> a.createProductivityExport(request, org, project),
        MetricsExportResponseDTO::getExportId,
        ProductivityExportsApi::getProductivityExport, s -> new ExportJobFlow.State(s.getStatus(), reason(s.getError())),
        ProductivityExportsApi::downloadProductivityExportWithResponseSpec,
        "listProductivityExports", ExportItem.class, (a, page) -> a.listProductivityExportsWithResponseSpec(
            null, null, null, null, null, null, page.size(), page.index(), null, null)));
    this.sprints = ExportJobs.bind(client.api(SprintExportsApi.class), new ExportEndpoints<>(
        "sprint export", (a, org, project, request) -> a.createSprintExport(request, org, project),
        SprintExportResponseDTO::getExportId,
        SprintExportsApi::getSprintExport, s -> new ExportJobFlow.State(s.getStatus(), reason(s.getError())),
        SprintExportsApi::downloadSprintExportWithResponseSpec,
        "listSprintExports", ExportItem.class, (a, page) -> a.listSprintExportsWithResponseSpec(
            null, null, null, null, null, null, page.size(), page.index(), null, null)));
    this.efficiency = ExportJobs.bind(client.api(EfficiencyExportsApi.class), new ExportEndpoints<>(
        "efficiency export", (a, org, project, request) -> a.createEfficiencyExport(request, org, project),
        EfficiencyExportResponseDTO::getExportId,
        EfficiencyExportsApi::getEfficiencyExport, s -> new ExportJobFlow.State(s.getStatus(), reason(s.getError())),
        EfficiencyExportsApi::downloadEfficiencyExportWithResponseSpec,
        "listEfficiencyExports", ExportItem.class, (a, page) -> a.listEfficiencyExportsWithResponseSpec(
            null, null, null, null, null, null, page.size(), page.index(), null, null)));
    this.businessAlignment = ExportJobs.bind(client.api(BusinessAlignmentExportsApi.class), new ExportEndpoints<>(
        "business alignment export", (a, org, project, request) -> a.createBusinessAlignmentExport(request, org, project),
        BAExportResponseDTO::getExportId,
        BusinessAlignmentExportsApi::getBusinessAlignmentExport,
        s -> new ExportJobFlow.State(s.getStatus(), s.getErrorMessage() != null ? s.getErrorMessage() : s.getErrorCode()),
        BusinessAlignmentExportsApi::downloadBusinessAlignmentExportWithResponseSpec,
        "listBusinessAlignmentExports", ExportItem.class,
        (a, page) -> a.listBusinessAlignmentExportsWithResponseSpec(null, null, page.size(), page.index())));
    this.ticketData = ExportJobs.bind(client.api(TicketDataExportsApi.class), new ExportEndpoints<>(
        "ticket time-in-status export", (a, org, project, request) -> a.createTicketDataExport(request, org, project),
        IssueTimeInStatusExportResponseDTO::getExportId,
        TicketDataExportsApi::getTicketDataExport, s -> new ExportJobFlow.State(s.getStatus(), s.getMessage()),
        TicketDataExportsApi::downloadTicketDataExportWithResponseSpec,
        "listTicketDataExports", MetricsExport.class,
        (a, page) -> a.listTicketDataExportsWithResponseSpec(null, page.index(), page.size())));
  }

  /**
   * The insights report of a collection (the teams report's content: productivity, efficiency and
   * sprint metrics over the request's window), built by an asynchronous export job, with
   * {@link ExportOptions#defaults()}.
   *
   * @param org the organization identifier
   * @param project the project identifier
   * @param request what to export ({@code collectionId}, {@code dateStart}, {@code dateEnd}...)
   * @return the report's lines, the header first; each subscription starts a job
   * @throws IllegalArgumentException when {@code org} or {@code project} is not a Harness identifier
   * @throws NullPointerException when an argument is {@code null}
   */
  public Flux<String> insights(String org, String project, ExportRequestDTO request) {
    return insights(org, project, request, ExportOptions.defaults());
  }

  /**
   * The insights report of a collection, built by an asynchronous export job waited for as
   * {@code options} say. No source lists this job's statuses; the documented statuses of the
   * domain exports are assumed, and {@link ExportOptions#withStatuses} changes them.
   *
   * @param org the organization identifier
   * @param project the project identifier
   * @param request what to export
   * @param options how the job is waited for
   * @return the report's lines, the header first; each subscription starts a job
   * @throws IllegalArgumentException when {@code org} or {@code project} is not a Harness identifier
   * @throws NullPointerException when an argument is {@code null}
   */
  public Flux<String> insights(String org, String project, ExportRequestDTO request, ExportOptions options) {
    requireIdentifier(org, "org");
    requireIdentifier(project, "project");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(options, "options");
    return this.insights.run(async.call(a -> a.createAsyncExport(SeiV2.account(client), request, org, project))
        .onErrorMap(SeiErrors::forbidden).mapNotNull(job -> job.getId() == null ? null : job.getId().toString()), options);
  }

  /**
   * The report of an insights export job started earlier, once it is done, waiting for it as
   * {@link ExportOptions#defaults()} say.
   *
   * @param jobId the job's id
   * @return the report's lines
   * @throws NullPointerException when {@code jobId} is {@code null}
   */
  public Flux<String> download(UUID jobId) {
    return download(jobId, ExportOptions.defaults());
  }

  /**
   * The report of an insights export job started earlier, once it is done.
   *
   * @param jobId the job's id
   * @param options how the job is waited for
   * @return the report's lines
   * @throws NullPointerException when an argument is {@code null}
   */
  public Flux<String> download(UUID jobId, ExportOptions options) {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(options, "options");
    return insights.resume(jobId.toString(), options);
  }

  /**
   * Where an insights export job stands now: one call, no waiting.
   *
   * @throws NullPointerException when {@code jobId} is {@code null}
   */
  public Mono<ExportJobDTO> job(UUID jobId) {
    Objects.requireNonNull(jobId, "jobId");
    return async.call(a -> a.getAsyncExport(SeiV2.account(client), jobId)).onErrorMap(SeiErrors::forbidden);
  }

  /**
   * The insights export jobs of a project, newest first, streamed page by page (SEI answers each
   * page as a bare array, so the first page shorter than asked for is the last).
   *
   * @param project the project identifier
   * @throws IllegalArgumentException when {@code project} is not a Harness identifier
   * @throws NullPointerException when {@code project} is {@code null}
   */
  public PagedFlux<ExportJobDTO> jobs(String project) {
    requireIdentifier(project, "project");
    return async.paged("listAsyncExports", ExportJobDTO.class, List.of(project),
        (a, page) -> a.listAsyncExportsWithResponseSpec(SeiV2.account(client), project, page.index(), page.size()))
        .mapErrors(SeiErrors::forbidden);
  }

  /** Productivity metric exports ({@code /v2/insights/productivity/exports}). */
  public ExportJobs<MetricsExportRequestDTO, MetricsExportResponseDTO, ExportItem> productivity() {
    return productivity;
  }

  /** Sprint metric exports ({@code /v2/insights/sprints/exports}). */
  public ExportJobs<SprintExportRequestDTO, SprintExportStatusResponseDTO, ExportItem> sprints() {
    return sprints;
  }

  /** Efficiency metric exports ({@code /v2/insights/efficiency/exports}; in Harness's npm client only). */
  public ExportJobs<EfficiencyExportRequestDTO, EfficiencyExportStatusResponseDTO, ExportItem> efficiency() {
    return efficiency;
  }

  /** Business alignment metric exports ({@code /v2/insights/ba/exports}; in Harness's npm client only). */
  public ExportJobs<BAExportRequestDTO, BAExportResponseDTO, ExportItem> businessAlignment() {
    return businessAlignment;
  }

  /** Ticket time-in-status exports ({@code /v2/insights/ticket-data/exports}; in Harness's npm client only). */
  public ExportJobs<IssueTimeInStatusExportRequestDTO, IssueTimeInStatusExportResponseDTO, MetricsExport> ticketData() {
    return ticketData;
  }

  private static String reason(ErrorInfo error) {
    return error == null ? null : error.getMessage() != null ? error.getMessage() : error.getCode();
  }
}
