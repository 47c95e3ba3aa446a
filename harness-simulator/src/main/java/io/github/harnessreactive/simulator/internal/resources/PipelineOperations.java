package io.github.harnessreactive.simulator.internal.resources;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.harnessreactive.simulator.ResourceType;
import io.github.harnessreactive.simulator.internal.Call;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Pipelines of a project: created from YAML over the NG pipeline service
 * ({@code POST /pipeline/api/pipelines/v2}, identifier and name read from the YAML) or over v1,
 * listed over both, read, changed and deleted over v1
 * ({@code /v1/orgs/{org}/projects/{project}/pipelines/{pipeline}}). The YAML is stored and
 * answered exactly as sent, in the field {@code yaml}.
 */
final class PipelineOperations {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private PipelineOperations() {
  }

  static void register(Crud crud, StatefulAnswers answers, Function<Call, ResponseDefinitionBuilder> sampled) {
    Dialect ng = new Dialect(ResourceType.PIPELINE, "Pipeline", PipelineOperations::ngScope, call -> null,
        PipelineOperations::fromYaml, PipelineOperations::view);
    answers.on("platform-ng", "createPipeline", crud.create(ng));
    answers.on("platform-ng", "listPipelines", crud.list(ng, searched(crud, ng)));

    Dialect v1 = new Dialect(ResourceType.PIPELINE, "Pipeline", call -> List.of(call.path("org"), call.path("project")),
        call -> call.path("pipeline"), PipelineOperations::fromV1Body, PipelineOperations::view);
    answers.on("platform-v1", "createPipeline", crud.create(v1));
    answers.on("platform-v1", "getPipeline", crud.get(v1));
    answers.on("platform-v1", "updatePipeline", crud.update(v1));
    answers.on("platform-v1", "deletePipeline", crud.delete(v1));
    answers.on("platform-v1", "listPipelines", crud.list(v1, searched(crud, v1)));
    answers.on("platform-v1", "getPipelineInputs", crud.whenExists(v1, sampled));
    answers.on("platform-v1", "executePipeline", crud.whenExists(v1, sampled));
  }

  private static Function<Call, List<StoredResource>> searched(Crud crud, Dialect dialect) {
    return call -> crud.inScope(dialect).apply(call).stream().filter(p -> SearchTerm.matches(call, p)).toList();
  }

  /** The project of an NG pipeline request: the query's, else the YAML's. */
  private static List<String> ngScope(Call call) {
    JsonNode pipeline = parse(call.body()).path("pipeline");
    String org = call.query("orgIdentifier").orElseGet(() -> Crud.text(pipeline, "orgIdentifier"));
    String project = call.query("projectIdentifier").orElseGet(() -> Crud.text(pipeline, "projectIdentifier"));
    if (org == null || project == null) {
      throw Refusal.invalid("orgIdentifier and projectIdentifier: must not be empty");
    }
    return List.of(org, project);
  }

  /** The stored fields of a pipeline sent as YAML: its identifier, name, description and tags, and the YAML as sent. */
  private static ObjectNode fromYaml(Call call) {
    JsonNode pipeline = parse(call.body()).path("pipeline");
    if (!pipeline.isObject()) {
      throw Refusal.invalid("pipeline YAML: must have a top-level 'pipeline' with an identifier and a name");
    }
    List<String> scope = ngScope(call);
    ObjectNode fields = Views.object();
    fields.put("identifier", Crud.text(pipeline, "identifier"));
    fields.put("name", Crud.text(pipeline, "name"));
    copy(pipeline, "description", fields);
    copy(pipeline, "tags", fields);
    fields.put("orgIdentifier", scope.get(0));
    fields.put("projectIdentifier", scope.get(1));
    fields.put("yaml", call.body());
    return fields;
  }

  private static ObjectNode fromV1Body(Call call) {
    JsonNode body = call.json();
    String yaml = Crud.text(body, "pipeline_yaml");
    if (yaml == null) {
      return null;
    }
    ObjectNode fields = Views.object();
    fields.put("identifier", Crud.text(body, "identifier"));
    fields.put("name", Crud.text(body, "name"));
    copy(body, "description", fields);
    copy(body, "tags", fields);
    fields.put("orgIdentifier", call.path("org"));
    fields.put("projectIdentifier", call.path("project"));
    fields.put("yaml", yaml);
    return fields;
  }

  private static void copy(JsonNode from, String field, ObjectNode to) {
    if (from.hasNonNull(field)) {
      to.set(field, from.get(field));
    }
  }

  private static JsonNode parse(String yaml) {
    try {
      JsonNode root = YAML.readTree(yaml);
      return root == null ? Views.object() : root;
    } catch (JacksonException e) {
      throw Refusal.invalid("pipeline YAML: " + e.getOriginalMessage());
    }
  }

  /**
   * One view for every answer: the fields of the NG summary, the v1 pipeline and the v1 list item;
   * each answer keeps the ones its schema has.
   */
  private static JsonNode view(StoredResource pipeline) {
    ObjectNode fields = pipeline.fields();
    ArrayNode stages = Views.NODES.arrayNode();
    for (JsonNode stage : parseQuietly(pipeline.text("yaml")).path("pipeline").path("stages")) {
      String name = Crud.text(stage.path("stage"), "name");
      if (name != null) {
        stages.add(name);
      }
    }
    ObjectNode view = Views.object();
    view.put("identifier", pipeline.key());
    view.set("name", fields.get("name"));
    view.set("description", Views.field(fields, "description", Views.NODES.stringNode("")));
    view.set("tags", Views.field(fields, "tags", Views.object()));
    view.put("org", pipeline.scope().get(0));
    view.put("project", pipeline.scope().get(1));
    view.set("pipeline_yaml", fields.get("yaml"));
    view.put("version", pipeline.version());
    view.put("numOfStages", stages.size());
    view.set("stageNames", stages);
    view.putArray("modules");
    view.put("createdAt", pipeline.createdAt());
    view.put("lastUpdatedAt", pipeline.updatedAt());
    view.put("created", pipeline.createdAt());
    view.put("updated", pipeline.updatedAt());
    view.put("valid", true);
    view.put("store_type", "INLINE");
    return view;
  }

  private static JsonNode parseQuietly(String yaml) {
    try {
      return yaml == null ? Views.object() : parse(yaml);
    } catch (Refusal e) {
      return Views.object();
    }
  }
}
