package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;
import static io.github.harnessreactive.core.Identifiers.requirePathValue;

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
   * @throws IllegalArgumentException when the organization or project is not a Harness identifier
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
   * @throws IllegalArgumentException when the organization or project is not a Harness identifier
   */
  public PagedFlux<PipelineExecutionSummary> list(String orgIdentifier, String projectIdentifier,
      PipelineExecutionFilterProperties filter) {
    String org = requireIdentifier(orgIdentifier, "orgIdentifier");
    String project = requireIdentifier(projectIdentifier, "projectIdentifier");
    return ng.paged("listExecutions", PipelineExecutionSummary.class, Arrays.asList(org, project, filter),
        (a, page) -> a.listExecutionsWithResponseSpec(Accounts.of(client), org, project, null, null, page.index(), page.size(),
            null, null, null, null, null, filter));
  }

  /**
   * The summary of one run (status, times, stage counts) without its execution graph; empty when
   * Harness answers without one.
   *
   * @throws IllegalArgumentException when the organization or project is not a Harness identifier, or
   *     the execution id is blank, {@code .} or {@code ..}
   */
  public Mono<PipelineExecutionSummary> summary(String orgIdentifier, String projectIdentifier, String planExecutionId) {
    String org = requireIdentifier(orgIdentifier, "orgIdentifier");
    String project = requireIdentifier(projectIdentifier, "projectIdentifier");
    String run = requirePathValue(planExecutionId, "planExecutionId");
    return ng.call(a -> a.getExecutionSummary(run, Accounts.of(client), org, project, null, null))
        .mapNotNull(ResponseDTOPipelineExecutionDetail::getData)
        .mapNotNull(PipelineExecutionDetail::getPipelineExecutionSummary);
  }

  /**
   * Runs a pipeline.
   *
   * @param runtimeInputsYaml values for the pipeline's runtime inputs, as YAML, or {@code null}
   * @throws IllegalArgumentException when an identifier is not a Harness identifier
   */
  public Mono<PipelineExecuteResponseBody> run(String orgIdentifier, String projectIdentifier, String pipeline,
      String runtimeInputsYaml) {
    Pipelines.requirePipeline(orgIdentifier, projectIdentifier, pipeline);
    return api.call(a -> a.executePipeline(orgIdentifier, projectIdentifier, pipeline, Accounts.of(client), null, null,
        null, null, null, null, null, new PipelineExecuteRequestBody().inputsYaml(runtimeInputsYaml)));
  }

  /**
   * Runs a pipeline again as a previous run did, optionally with other runtime inputs.
   *
   * @throws IllegalArgumentException when an identifier is not a Harness identifier, or the
   *     execution id is blank, {@code .} or {@code ..}
   */
  public Mono<PipelineExecuteResponseBody> rerun(String orgIdentifier, String projectIdentifier, String pipeline,
      String executionId, String runtimeInputsYaml) {
    requireRun(orgIdentifier, projectIdentifier, pipeline, executionId);
    return api.call(a -> a.rerunPipeline(orgIdentifier, projectIdentifier, pipeline, executionId, Accounts.of(client),
        null, null, null, null, null, null, new RerunPipelineRequest().inputsYaml(runtimeInputsYaml)));
  }

  /**
   * Retries a failed run from its failed stages.
   *
   * @throws IllegalArgumentException when an identifier is not a Harness identifier, or the
   *     execution id is blank, {@code .} or {@code ..}
   */
  public Mono<PipelineExecuteResponseBody> retry(String orgIdentifier, String projectIdentifier, String pipeline,
      String executionId) {
    requireRun(orgIdentifier, projectIdentifier, pipeline, executionId);
    return api.call(a -> a.retryPipeline(orgIdentifier, projectIdentifier, pipeline, executionId, Accounts.of(client),
        null, null, null, null, new RerunPipelineRequest()));
  }

  private static void requireRun(String orgIdentifier, String projectIdentifier, String pipeline, String executionId) {
    Pipelines.requirePipeline(orgIdentifier, projectIdentifier, pipeline);
    requirePathValue(executionId, "executionId");
  }
}
