package io.github.harnessreactive.platform;

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
   */
  public Mono<PipelineSaveResponse> createFromYaml(String orgIdentifier, String projectIdentifier, String yaml) {
    return ng.call(a -> a.createPipeline(Accounts.of(client), orgIdentifier, projectIdentifier, yaml))
        .mapNotNull(ResponseDTOPipelineSaveResponse::getData);
  }

  /** The pipelines of a project, streamed page by page. */
  public PagedFlux<PMSPipelineSummaryResponse> list(String orgIdentifier, String projectIdentifier) {
    return ng.paged("listPipelines", PMSPipelineSummaryResponse.class, List.of(orgIdentifier, projectIdentifier),
        (a, page) -> a.listPipelinesWithResponseSpec(Accounts.of(client), orgIdentifier, projectIdentifier,
            page.index(), page.size(), null, null, null, null, null));
  }

  /** One pipeline, with its YAML. */
  public Mono<PipelineGetResponseBody> get(String orgIdentifier, String projectIdentifier, String pipeline) {
    return v1.call(a -> a.getPipeline(orgIdentifier, projectIdentifier, pipeline, Accounts.of(client), null, null, null, null));
  }

  /** Replaces a pipeline's YAML; Harness needs its name too. */
  public Mono<PipelineCreateResponseBody> updateFromYaml(String orgIdentifier, String projectIdentifier, String pipeline,
      String name, String yaml) {
    return v1.call(a -> a.updatePipeline(orgIdentifier, projectIdentifier, pipeline,
        new PipelineUpdateRequestBody().identifier(pipeline).name(name).pipelineYaml(yaml), Accounts.of(client)));
  }

  /** Deletes a pipeline. */
  public Mono<Void> delete(String orgIdentifier, String projectIdentifier, String pipeline) {
    return v1.call(a -> a.deletePipeline(orgIdentifier, projectIdentifier, pipeline, Accounts.of(client)));
  }
}
