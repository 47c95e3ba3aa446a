package io.github.harnessreactive.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.spec.tools.SpecDocument;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The catalogue the build wrote into the jar describes exactly the operations of our documents. */
class OperationCatalogueTest {

  static final String CATALOGUE = "/META-INF/harness/operation-catalogue.json";

  @Test
  void catalogueHasOneEntryPerOperationOfEveryDocument() throws IOException {
    JsonNode catalogue = readCatalogue();
    List<String> fromCatalogue = new ArrayList<>();
    catalogue.get("operations").forEach(e -> fromCatalogue.add(
        e.get("document").asString() + " " + e.get("method").asString() + " " + e.get("path").asString()));
    List<String> fromDocuments = new ArrayList<>();
    Map<String, Integer> perDocument = new TreeMap<>();
    for (String name : Documents.NAMES) {
      List<SpecDocument.Operation> operations = SpecDocument.read(Documents.document(name)).operations();
      operations.forEach(o -> fromDocuments.add(name + " " + o.method() + " " + o.path()));
      perDocument.put(name, operations.size());
    }
    System.out.println("operations per document: " + perDocument + ", total " + fromDocuments.size());

    assertThat(catalogue.get("format").asInt()).isEqualTo(2);
    assertThat(fromCatalogue).containsExactlyInAnyOrderElementsOf(fromDocuments);
    assertThat(fromDocuments).hasSizeGreaterThanOrEqualTo(90);
  }

  @Test
  void everyListOperationHasAPageShapeAndEveryOperationARetryDecision() throws IOException {
    for (JsonNode entry : readCatalogue().get("operations")) {
      String operation = entry.get("document").asString() + " " + entry.get("operationId").asString();
      assertThat(entry.has("retrySafe")).as(operation).isTrue();
      if (entry.get("operationId").asString().startsWith("list")) {
        JsonNode paging = entry.get("paging");
        assertThat(paging).as(operation).isNotNull();
        if (!"unpaged".equals(paging.get("shape").asString())) {
          assertThat(paging.get("maxPageSize").asInt()).as(operation).isPositive();
        }
      }
    }
  }

  @Test
  void everyDocumentIsListedWithItsDefaultServerFirst() throws IOException {
    Map<String, String> defaults = new TreeMap<>();
    readCatalogue().get("documents").forEach(d -> defaults.put(d.get("name").asString(), d.get("servers").get(0).asString()));

    assertThat(defaults).containsOnlyKeys(Documents.NAMES).containsEntry("sei-v1", "https://app.harness.io/prod1/sei/api")
        .containsEntry("sei-v2", "https://app.harness.io/gateway/sei/api")
        .containsEntry("platform-ng", "https://app.harness.io");
  }

  @Test
  void accountParametersAreRecordedOnlyWhereDeclared() throws IOException {
    for (JsonNode entry : readCatalogue().get("operations")) {
      String operation = entry.get("document").asString() + " " + entry.get("operationId").asString();
      if ("sei-v1".equals(entry.get("document").asString())) {
        assertThat(entry.get("accountParameters")).as(operation).isEmpty();
      }
      if ("platform-ng listProjects".equals(operation)) {
        assertThat(entry.get("accountParameters").toString()).isEqualTo("[\"accountIdentifier\"]");
        assertThat(entry.get("scopeParameters").toString()).isEqualTo("[\"orgIdentifier\"]");
      }
    }
  }

  private static JsonNode readCatalogue() throws IOException {
    try (InputStream in = OperationCatalogueTest.class.getResourceAsStream(CATALOGUE)) {
      assertThat(in).as("catalogue on the classpath").isNotNull();
      return JsonMapper.builder().build().readTree(in);
    }
  }
}
