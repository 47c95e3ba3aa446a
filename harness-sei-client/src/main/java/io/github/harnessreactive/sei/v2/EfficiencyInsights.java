package io.github.harnessreactive.sei.v2;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v2.api.EfficiencyInsightsApi;
import io.github.harnessreactive.generated.sei.v2.model.DoraChangeFailureRateMetric;
import io.github.harnessreactive.generated.sei.v2.model.DoraDeploymentFrequencyMetric;
import io.github.harnessreactive.generated.sei.v2.model.DoraLttcMttrMetric;
import io.github.harnessreactive.generated.sei.v2.model.DrillDownRequest;
import io.github.harnessreactive.generated.sei.v2.model.EfficiencyLeadTimeDrilldownItem;
import io.github.harnessreactive.generated.sei.v2.model.EfficiencyMetricDrilldownRequest;
import io.github.harnessreactive.generated.sei.v2.model.EfficiencyRequest;
import io.github.harnessreactive.generated.sei.v2.model.MTTRDrilldownRequest;
import io.github.harnessreactive.generated.sei.v2.model.MttrMetric;
import io.github.harnessreactive.generated.sei.v2.model.PaginationRequest;
import io.github.harnessreactive.sei.SeiErrors;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The efficiency (DORA) insights of a team ({@code /v2/insights/efficiency}) over a time window:
 * {@code new EfficiencyRequest().teamRefId(...).dateStart(...).dateEnd(...).granularity("MONTHLY")}.
 * These POSTs only read, so they are retried like reads.
 *
 * <p>The drilldowns stream the records behind a metric page by page; the page goes in the request
 * body, set on a copy of your request for each page (your request is never changed). Whether SEI
 * counts drilldown pages from 0 or 1 is not documented: they are asked for from 0.
 */
public final class EfficiencyInsights {

  /** The item type of drilldowns whose records SEI does not describe field by field. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Class<Map<String, Object>> RECORD = (Class) Map.class;

  private final HarnessClient client;
  private final HarnessApi<EfficiencyInsightsApi> api;

  EfficiencyInsights(HarnessClient client) {
    this.client = client;
    this.api = client.api(EfficiencyInsightsApi.class);
  }

  /**
   * Deployment frequency of a project's teams over the request's period.
   *
   * @throws IllegalArgumentException when an identifier is not a Harness identifier
   */
  public Mono<DoraDeploymentFrequencyMetric> deploymentFrequency(String org, String project, EfficiencyRequest request) {
    requireScope(org, project);
    return api.call(a -> a.getDeploymentFrequency(SeiV2.account(client), org, project, request)).onErrorMap(SeiErrors::forbidden);
  }

  /**
   * Change failure rate of a project's teams over the request's period.
   *
   * @throws IllegalArgumentException when an identifier is not a Harness identifier
   */
  public Mono<DoraChangeFailureRateMetric> changeFailureRate(String org, String project, EfficiencyRequest request) {
    requireScope(org, project);
    return api.call(a -> a.getChangeFailureRate(SeiV2.account(client), org, project, request)).onErrorMap(SeiErrors::forbidden);
  }

  /**
   * Mean time to restore of a project's teams over the request's period.
   *
   * @throws IllegalArgumentException when an identifier is not a Harness identifier
   */
  public Mono<MttrMetric> meanTimeToRestore(String org, String project, EfficiencyRequest request) {
    requireScope(org, project);
    return api.call(a -> a.getMttr(SeiV2.account(client), org, project, request)).onErrorMap(SeiErrors::forbidden);
  }

  /**
   * Lead time for changes of a project's teams over the request's period.
   *
   * @throws IllegalArgumentException when an identifier is not a Harness identifier
   */
  public Mono<DoraLttcMttrMetric> leadTime(String org, String project, EfficiencyRequest request) {
    requireScope(org, project);
    return api.call(a -> a.getLeadTime(SeiV2.account(client), org, project, request)).onErrorMap(SeiErrors::forbidden);
  }

  private static void requireScope(String org, String project) {
    requireIdentifier(org, "org");
    requireIdentifier(project, "project");
  }

  /**
   * The deployments behind the deployment frequency of a team, streamed page by page.
   *
   * @throws IllegalArgumentException when {@code org} or {@code project} is not a Harness identifier
   * @throws NullPointerException when an argument is {@code null}
   */
  public PagedFlux<Map<String, Object>> deploymentFrequencyDrilldown(String org, String project, DrillDownRequest request) {
    return deploymentsDrilldown("listDeploymentFrequencyDrilldown", org, project, request,
        (a, page) -> a.listDeploymentFrequencyDrilldownWithResponseSpec(SeiV2.account(client), org, project, page));
  }

  /**
   * The deployments behind the change failure rate of a team, streamed page by page.
   *
   * @throws IllegalArgumentException when {@code org} or {@code project} is not a Harness identifier
   * @throws NullPointerException when an argument is {@code null}
   */
  public PagedFlux<Map<String, Object>> changeFailureRateDrilldown(String org, String project, DrillDownRequest request) {
    return deploymentsDrilldown("listChangeFailureRateDrilldown", org, project, request,
        (a, page) -> a.listChangeFailureRateDrilldownWithResponseSpec(SeiV2.account(client), org, project, page));
  }

  /**
   * The incidents behind the mean time to restore of a team, streamed page by page. SEI answers them
   * in one of three arrays, by where the team's MTTR comes from (issue management, ServiceNow,
   * PagerDuty); all three are read, so every record arrives whatever the source. Records are maps,
   * since the three arrays hold different records ({@code IMMTTRDrilldownItem},
   * {@code ITSMDrilldownItem}, {@code ItsmPagerDutyDrilldownItem}: convert with the client's
   * {@code jsonMapper()}).
   *
   * @throws IllegalArgumentException when {@code org} or {@code project} is not a Harness identifier
   * @throws NullPointerException when an argument is {@code null}
   */
  public PagedFlux<Map<String, Object>> meanTimeToRestoreDrilldown(String org, String project,
      MTTRDrilldownRequest request) {
    scope(org, project, request);
    return api.paged("listMttrDrilldown", RECORD, List.of(org, project, request),
        (a, page) -> a.listMttrDrilldownWithResponseSpec(SeiV2.account(client), org, project,
            copy(request, MTTRDrilldownRequest.class).page(page.index()).pageSize(page.size())))
        .mapErrors(SeiErrors::forbidden);
  }

  /**
   * The work items behind the lead time to change of a team, streamed page by page.
   *
   * @throws IllegalArgumentException when {@code org} or {@code project} is not a Harness identifier
   * @throws NullPointerException when an argument is {@code null}
   */
  public PagedFlux<EfficiencyLeadTimeDrilldownItem> leadTimeDrilldown(String org, String project,
      EfficiencyMetricDrilldownRequest request) {
    scope(org, project, request);
    return api.paged("listLeadTimeDrilldown", EfficiencyLeadTimeDrilldownItem.class, List.of(org, project, request),
        (a, page) -> a.listLeadTimeDrilldownWithResponseSpec(SeiV2.account(client), org, project,
            copy(request, EfficiencyMetricDrilldownRequest.class)
                .pagination(new PaginationRequest().pageNumber(page.index()).maxPageSize(page.size()))))
        .mapErrors(SeiErrors::forbidden);
  }

  /** A drilldown into deployments, its page set in a copy of the request for each page. */
  private PagedFlux<Map<String, Object>> deploymentsDrilldown(String operationId, String org, String project,
      DrillDownRequest request, BiFunction<EfficiencyInsightsApi, DrillDownRequest, WebClient.ResponseSpec> call) {
    scope(org, project, request);
    return api.paged(operationId, RECORD, List.of(org, project, request),
        (a, page) -> call.apply(a, copy(request, DrillDownRequest.class).page(page.index()).pageSize(page.size())))
        .mapErrors(SeiErrors::forbidden);
  }

  /** A copy of the caller's request, so a page can be set on it without changing theirs. */
  private <T> T copy(T request, Class<T> type) {
    return client.jsonMapper().convertValue(request, type);
  }

  private static void scope(String org, String project, Object request) {
    requireScope(org, project);
    Objects.requireNonNull(request, "request");
  }
}
