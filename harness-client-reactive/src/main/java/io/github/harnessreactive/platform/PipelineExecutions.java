package io.github.harnessreactive.platform;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.model.PipelineExecutionDetail;
import io.github.harnessreactive.generated.platform.ng.model.PipelineExecutionFilterProperties;
import io.github.harnessreactive.generated.platform.ng.model.PipelineExecutionSummary;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOPipelineExecutionDetail;
import io.github.harnessreactive.generated.platform.v1.api.PipelineExecutionsApi;
import io.github.harnessreactive.generated.platform.v1.model.PipelineExecuteRequestBody;
import io.github.harnessreactive.generated.platform.v1.model.PipelineExecuteResponseBody;
import io.github.harnessreactive.generated.platform.v1.model.RerunPipelineRequest;
import java.util.Arrays;
import reactor.core.publisher.Mono;

/**
 * Runs of pipelines. Run, rerun and retry use the v1 API; none of them is repeated after a transient
 * failure (each would start another run). Listing runs with filters and reading a run's summary use
 * the NG pipeline service ({@code POST /pipeline/api/pipelines/execution/summary},
 * {@code GET /pipeline/api/pipelines/execution/v2/{planExecutionId}}), which no reference document
 * describes: they come from harness-go-sdk's current generated client and are marked
 * {@code x-harness-unverified} in our document.
 */
public final class PipelineExecutions {

  private final HarnessClient client;
  private final HarnessApi<PipelineExecutionsApi> api;
  private final HarnessApi<io.github.harnessreactive.generated.platform.ng.api.PipelineExecutionsApi> ng;

  PipelineExecutions(HarnessClient client) {
    this.client = client;
    this.api = client.api(PipelineExecutionsApi.class);
    this.ng = client.api(io.github.harnessreactive.generated.platform.ng.api.PipelineExecutionsApi.class);
  }

  /**
   * The runs of a project's pipelines, newest first, streamed page by page.
   *
   * @throws IllegalArgumentException when the organization or project is blank
   */
  public PagedFlux<PipelineExecutionSummary> list(String orgIdentifier, String projectIdentifier) {
    return list(orgIdentifier, projectIdentifier, null);
  }

  /**
   * The runs of a project's pipelines that match a filter (statuses, pipeline name, tags; its
   * {@code filterType} is {@code PipelineExecution}), streamed page by page. A POST that only reads,
   * so it is repeated after a transient failure.
   *
   * @param filter the filter, or {@code null} for every run
   * @throws IllegalArgumentException when the organization or project is blank
   */
  public PagedFlux<PipelineExecutionSummary> list(String orgIdentifier, String projectIdentifier,
      PipelineExecutionFilterProperties filter) {
    String org = identifier(orgIdentifier, "orgIdentifier");
    String project = identifier(projectIdentifier, "projectIdentifier");
    return ng.paged("listExecutions", PipelineExecutionSummary.class, Arrays.asList(org, project, filter),
        (a, page) -> a.listExecutionsWithResponseSpec(Accounts.of(client), org, project, null, null, page.index(), page.size(),
            null, null, null, null, null, filter));
  }

  /**
   * The summary of one run (status, times, stage counts) without its execution graph; empty when
   * Harness answers without one.
   *
   * @throws IllegalArgumentException when an identifier is blank
   */
  public Mono<PipelineExecutionSummary> summary(String orgIdentifier, String projectIdentifier, String planExecutionId) {
    String org = identifier(orgIdentifier, "orgIdentifier");
    String project = identifier(projectIdentifier, "projectIdentifier");
    String run = identifier(planExecutionId, "planExecutionId");
    return ng.call(a -> a.getExecutionSummary(run, Accounts.of(client), org, project, null, null))
        .mapNotNull(ResponseDTOPipelineExecutionDetail::getData)
        .mapNotNull(PipelineExecutionDetail::getPipelineExecutionSummary);
  }

  /**
   * Runs a pipeline.
   *
   * @param runtimeInputsYaml values for the pipeline's runtime inputs, as YAML, or {@code null}
   */
  public Mono<PipelineExecuteResponseBody> run(String orgIdentifier, String projectIdentifier, String pipeline,
      String runtimeInputsYaml) {
    return api.call(a -> a.executePipeline(orgIdentifier, projectIdentifier, pipeline, Accounts.of(client), null, null,
        null, null, null, null, null, new PipelineExecuteRequestBody().inputsYaml(runtimeInputsYaml)));
  }

  /** Runs a pipeline again as a previous run did, optionally with other runtime inputs. */
  public Mono<PipelineExecuteResponseBody> rerun(String orgIdentifier, String projectIdentifier, String pipeline,
      String executionId, String runtimeInputsYaml) {
    return api.call(a -> a.rerunPipeline(orgIdentifier, projectIdentifier, pipeline, executionId, Accounts.of(client),
        null, null, null, null, null, null, new RerunPipelineRequest().inputsYaml(runtimeInputsYaml)));
  }

  /** Retries a failed run from its failed stages. */
  public Mono<PipelineExecuteResponseBody> retry(String orgIdentifier, String projectIdentifier, String pipeline,
      String executionId) {
    return api.call(a -> a.retryPipeline(orgIdentifier, projectIdentifier, pipeline, executionId, Accounts.of(client),
        null, null, null, null, new RerunPipelineRequest()));
  }

  /** The one place this facade checks identifiers (the shared identifier validator of issue 13 goes here). */
  private static String identifier(String value, String name) {
    return Scope.require(value, name);
  }
}
