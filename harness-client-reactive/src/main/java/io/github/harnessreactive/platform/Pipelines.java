package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.model.PMSPipelineSummaryResponse;
import io.github.harnessreactive.generated.platform.ng.model.PipelineSaveResponse;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOPipelineSaveResponse;
import io.github.harnessreactive.generated.platform.v1.model.PipelineCreateResponseBody;
import io.github.harnessreactive.generated.platform.v1.model.PipelineGetResponseBody;
import io.github.harnessreactive.generated.platform.v1.model.PipelineUpdateRequestBody;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Pipelines of a project. Creating from YAML and listing use the Platform NG pipeline service
 * ({@code POST /pipeline/api/pipelines/v2} with {@code Content-Type: application/yaml}, and
 * {@code POST /pipeline/api/pipelines/list}); reading, updating from YAML and deleting use the v1
 * API ({@code /v1/orgs/{org}/projects/{project}/pipelines/{pipeline}}), which our documents
 * describe for those operations.
 */
public final class Pipelines {

  private final HarnessClient client;
  private final HarnessApi<io.github.harnessreactive.generated.platform.ng.api.PipelinesApi> ng;
  private final HarnessApi<io.github.harnessreactive.generated.platform.v1.api.PipelinesApi> v1;

  Pipelines(HarnessClient client) {
    this.client = client;
    this.ng = client.api(io.github.harnessreactive.generated.platform.ng.api.PipelinesApi.class);
    this.v1 = client.api(io.github.harnessreactive.generated.platform.v1.api.PipelinesApi.class);
  }

  /**
   * Creates a pipeline from its YAML ({@code pipeline: ...}) in a project. Not repeated after a
   * transient failure: it is not idempotent.
   *
   * @throws IllegalArgumentException when an identifier is not a Harness identifier
   */
  public Mono<PipelineSaveResponse> createFromYaml(String orgIdentifier, String projectIdentifier, String yaml) {
    requireScope(orgIdentifier, projectIdentifier);
    return ng.call(a -> a.createPipeline(Accounts.of(client), orgIdentifier, projectIdentifier, yaml))
        .mapNotNull(ResponseDTOPipelineSaveResponse::getData);
  }

  /**
   * The pipelines of a project, streamed page by page.
   *
   * @throws IllegalArgumentException when an identifier is not a Harness identifier
   */
  public PagedFlux<PMSPipelineSummaryResponse> list(String orgIdentifier, String projectIdentifier) {
    requireScope(orgIdentifier, projectIdentifier);
    return ng.paged("listPipelines", PMSPipelineSummaryResponse.class, List.of(orgIdentifier, projectIdentifier),
        (a, page) -> a.listPipelinesWithResponseSpec(Accounts.of(client), orgIdentifier, projectIdentifier,
            page.index(), page.size(), null, null, null, null, null));
  }

  /**
   * One pipeline, with its YAML.
   *
   * @throws IllegalArgumentException when an identifier is not a Harness identifier
   */
  public Mono<PipelineGetResponseBody> get(String orgIdentifier, String projectIdentifier, String pipeline) {
    requirePipeline(orgIdentifier, projectIdentifier, pipeline);
    return v1.call(a -> a.getPipeline(orgIdentifier, projectIdentifier, pipeline, Accounts.of(client), null, null, null, null));
  }

  /**
   * Replaces a pipeline's YAML; Harness needs its name too.
   *
   * @throws IllegalArgumentException when an identifier is not a Harness identifier
   */
  public Mono<PipelineCreateResponseBody> updateFromYaml(String orgIdentifier, String projectIdentifier, String pipeline,
      String name, String yaml) {
    requirePipeline(orgIdentifier, projectIdentifier, pipeline);
    return v1.call(a -> a.updatePipeline(orgIdentifier, projectIdentifier, pipeline,
        new PipelineUpdateRequestBody().identifier(pipeline).name(name).pipelineYaml(yaml), Accounts.of(client)));
  }

  /**
   * Deletes a pipeline.
   *
   * @throws IllegalArgumentException when an identifier is not a Harness identifier
   */
  public Mono<Void> delete(String orgIdentifier, String projectIdentifier, String pipeline) {
    requirePipeline(orgIdentifier, projectIdentifier, pipeline);
    return v1.call(a -> a.deletePipeline(orgIdentifier, projectIdentifier, pipeline, Accounts.of(client)));
  }

  private static void requireScope(String orgIdentifier, String projectIdentifier) {
    requireIdentifier(orgIdentifier, "orgIdentifier");
    requireIdentifier(projectIdentifier, "projectIdentifier");
  }

  /** The identifiers of a pipeline, checked as they are all path segments of the v1 API. */
  static void requirePipeline(String orgIdentifier, String projectIdentifier, String pipeline) {
    requireScope(orgIdentifier, projectIdentifier);
    requireIdentifier(pipeline, "pipeline");
  }
}
