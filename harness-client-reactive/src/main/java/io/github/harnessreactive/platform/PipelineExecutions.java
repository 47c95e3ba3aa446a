package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requirePathValue;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.generated.platform.v1.api.PipelineExecutionsApi;
import io.github.harnessreactive.generated.platform.v1.model.PipelineExecuteRequestBody;
import io.github.harnessreactive.generated.platform.v1.model.PipelineExecuteResponseBody;
import io.github.harnessreactive.generated.platform.v1.model.RerunPipelineRequest;
import reactor.core.publisher.Mono;

/**
 * Runs of pipelines, over the v1 API: run, rerun and retry. None of these is repeated after a
 * transient failure (each would start another run). Listing runs is not offered: no source our
 * documents are written from describes an endpoint for it.
 */
public final class PipelineExecutions {

  private final HarnessClient client;
  private final HarnessApi<PipelineExecutionsApi> api;

  PipelineExecutions(HarnessClient client) {
    this.client = client;
    this.api = client.api(PipelineExecutionsApi.class);
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
