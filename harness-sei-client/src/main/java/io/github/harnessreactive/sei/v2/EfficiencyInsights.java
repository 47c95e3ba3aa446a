package io.github.harnessreactive.sei.v2;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.generated.sei.v2.api.EfficiencyInsightsApi;
import io.github.harnessreactive.generated.sei.v2.model.DoraChangeFailureRateMetric;
import io.github.harnessreactive.generated.sei.v2.model.DoraDeploymentFrequencyMetric;
import io.github.harnessreactive.generated.sei.v2.model.DoraLttcMttrMetric;
import io.github.harnessreactive.generated.sei.v2.model.EfficiencyRequest;
import io.github.harnessreactive.generated.sei.v2.model.MttrMetric;
import io.github.harnessreactive.sei.SeiErrors;
import reactor.core.publisher.Mono;

/**
 * The efficiency (DORA) insights of a team ({@code /v2/insights/efficiency}) over a time window:
 * {@code new EfficiencyRequest().teamRefId(...).dateStart(...).dateEnd(...).granularity("MONTHLY")}.
 * These POSTs only read, so they are retried like reads.
 */
public final class EfficiencyInsights {

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
}
