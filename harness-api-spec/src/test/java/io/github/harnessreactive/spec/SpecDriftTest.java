package io.github.harnessreactive.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.spec.tools.SpecDocument;
import io.github.harnessreactive.spec.tools.SpecUpdate;
import io.github.harnessreactive.spec.tools.drift.DriftReport;
import io.github.harnessreactive.spec.tools.drift.DriftReport.Kind;
import io.github.harnessreactive.spec.tools.drift.FacadeUsage;
import io.github.harnessreactive.spec.tools.importer.SpecImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Harness publishes a newer SEI 2.0 description (here: the committed snapshot with five changes): the
 * drift report lists exactly those changes, the import takes the newer document with no other edit,
 * and the generated client then has the new field and operation and no longer the removed field.
 */
class SpecDriftTest {

  static final Path SNAPSHOT = SpecImportTest.IMPORT.resolve("sources/sei-v2/developer-hub__sei-2.0__openapi.yaml");
  static final FacadeUsage FACADES = FacadeUsage.scan(List.of(
      Path.of("../harness-client-reactive/src/main/java"), Path.of("../harness-sei-client/src/main/java")));

  @Test
  void aNewerSourceGivesExactlyItsChangesAndImportsWithNoOtherEdit(@TempDir Path work) throws IOException {
    Path newer = newerSource(work, root -> {
      ObjectNode schemas = (ObjectNode) root.at("/components/schemas");
      ((ObjectNode) schemas.at("/TeamSummary/properties")).putObject("archived").put("type", "boolean");
      ((ObjectNode) schemas.at("/TeamSummary/properties")).remove("updatedBy");
      ((ArrayNode) schemas.at("/DeveloperUpsertResponseDTO/properties/status/enum")).add("PARTIAL");
      ((ObjectNode) root.at("/paths/~1v2~1developers/get/parameters/0")).put("required", true);
      ObjectNode summary = ((ObjectNode) root.get("paths")).putObject("/v2/developers/{developerRefId}/summary")
          .putObject("get");
      summary.putArray("tags").add("Developers");
      summary.put("operationId", "DeveloperControllerGetDeveloperSummary");
      summary.putArray("parameters").addObject().put("name", "developerRefId").put("in", "path").put("required", true)
          .putObject("schema").put("type", "integer");
      summary.putObject("responses").putObject("200").putObject("content").putObject("application/json")
          .putObject("schema").put("$ref", "#/components/schemas/DeveloperSchemaDTO");
    });

    DriftReport report = SpecUpdate.drift(SpecImportTest.IMPORT, "sei-v2", "sei", newer, FACADES);

    assertThat(report.changes()).extracting(c -> c.kind() + " " + c.subject() + " breaking=" + c.breaking())
        .containsExactlyInAnyOrder(
            "OPERATION_ADDED op developerControllerGetDeveloperSummary (GET /v2/developers/{developerRefId}/summary) breaking=false",
            "PARAMETER_REQUIRED op listDevelopers param query:searchKey breaking=false",
            "PROPERTY_ADDED schema TeamSummary.archived breaking=false",
            "PROPERTY_REMOVED schema TeamSummary.updatedBy breaking=true",
            "ENUM_VALUES_ADDED schema DeveloperUpsertResponseDTO.status breaking=false");
    assertThat(report.breaking()).singleElement().satisfies(c -> assertThat(c.usedBy()).isEmpty());
    assertThat(report.markdown()).contains("| property removed | `schema TeamSummary.updatedBy` |  | **yes** |  |");

    SpecImporter.Result imported = SpecImporter.importFolder(SpecImportTest.IMPORT, "sei-v2", Map.of("sei", newer));
    JsonNode document = imported.document();
    assertThat(document.at("/components/schemas/TeamSummary/properties").has("archived")).isTrue();
    assertThat(document.at("/components/schemas/TeamSummary/properties").has("updatedBy")).isFalse();
    assertThat(document.at("/paths/~1v2~1developers~1{developerRefId}~1summary/get/operationId").asString())
        .isEqualTo("developerControllerGetDeveloperSummary");

    Path document2 = work.resolve("sei-v2.yaml");
    Files.writeString(document2, JsonMapper.builder().build().writeValueAsString(document));
    Path generated = generate(document2, work.resolve("generated"));
    String teamSummary = Files.readString(generated.resolve("src/main/java/sei/model/TeamSummary.java"));
    assertThat(teamSummary).contains("public Boolean getArchived()").doesNotContain("getUpdatedBy");
    assertThat(Files.readString(generated.resolve("src/main/java/sei/api/DevelopersApi.java")))
        .contains("public Mono<DeveloperSchemaDTO> developerControllerGetDeveloperSummary(@jakarta.annotation.Nonnull Integer developerRefId)");
  }

  @Test
  void aRemovedFieldAFacadeUsesIsReportedAsBreakingNamingTheFacade(@TempDir Path work) throws IOException {
    Path newer = newerSource(work, root ->
        ((ObjectNode) root.at("/components/schemas/DeveloperUpsertResponseDTO/properties")).remove("errors"));

    DriftReport report = SpecUpdate.drift(SpecImportTest.IMPORT, "sei-v2", "sei", newer, FACADES);

    assertThat(report.changes()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(Kind.PROPERTY_REMOVED);
      assertThat(c.subject()).isEqualTo("schema DeveloperUpsertResponseDTO.errors");
      assertThat(c.breaking()).isTrue();
      assertThat(c.usedBy()).containsExactly("io.github.harnessreactive.sei.v2.Developers");
    });
    assertThat(report.markdown()).contains("**yes** | **io.github.harnessreactive.sei.v2.Developers** |");
  }

  /** The committed snapshot, changed, written as a JSON document like a published one. */
  private static Path newerSource(Path work, Consumer<ObjectNode> change) throws IOException {
    ObjectNode root = (ObjectNode) SpecDocument.read(SNAPSHOT).root().deepCopy();
    change.accept(root);
    Path file = work.resolve("openapi.json");
    Files.writeString(file, JsonMapper.builder().build().writeValueAsString(root));
    return file;
  }

  /** Generates the Developers API and the two changed models as harness-client-generated does. */
  private static Path generate(Path document, Path output) {
    CodegenConfigurator configurator = new CodegenConfigurator()
        .setGeneratorName("java")
        .setLibrary("webclient")
        .setInputSpec(document.toString())
        .setOutputDir(output.toString())
        .setApiPackage("sei.api")
        .setModelPackage("sei.model")
        .setInvokerPackage("sei.invoker")
        .addAdditionalProperty("useJakartaEe", true)
        .addAdditionalProperty("useSpringBoot4", true)
        .addAdditionalProperty("useJackson3", true)
        .addAdditionalProperty("openApiNullable", false)
        .addAdditionalProperty("annotationLibrary", "none")
        .addAdditionalProperty("documentationProvider", "none")
        .addAdditionalProperty("enumUnknownDefaultCase", true)
        .addGlobalProperty("apis", "Developers")
        .addGlobalProperty("models", "TeamSummary,DeveloperSchemaDTO")
        .addGlobalProperty("apiTests", "false")
        .addGlobalProperty("modelTests", "false")
        .addGlobalProperty("apiDocs", "false")
        .addGlobalProperty("modelDocs", "false");
    new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
    return output;
  }
}
