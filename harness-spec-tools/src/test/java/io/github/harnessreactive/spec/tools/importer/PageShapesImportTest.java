package io.github.harnessreactive.spec.tools.importer;

import static io.github.harnessreactive.spec.tools.importer.ImportFixture.importThings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The importer recognises the page shapes of the coverage work from an operation's page parameters
 * and answer, and checks the item arrays an overlay names when an answer spreads its items over
 * several arrays.
 */
class PageShapesImportTest {

  /** One list per new shape, each in its true form (parameters and answer), and an answer with three record arrays. */
  private static final String SOURCE = """
      openapi: 3.0.1
      paths:
        /meta:
          get:
            tags: [Lists]
            parameters: [{name: page, in: query, schema: {type: integer}}, {name: size, in: query, schema: {type: integer}}]
            responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/MetaPage'}}}}}
        /cursor:
          get:
            tags: [Lists]
            parameters: [{name: cursor, in: query, schema: {type: string}}, {name: limit, in: query, schema: {type: integer, maximum: 200}}]
            responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/CursorPage'}}}}}
        /exports:
          get:
            tags: [Lists]
            parameters: [{name: page, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]
            responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/ExportPage'}}}}}
        /jobs:
          get:
            tags: [Lists]
            parameters: [{name: page, in: query, schema: {type: integer}}, {name: size, in: query, schema: {type: integer}}]
            responses: {'200': {description: ok, content: {'*/*': {schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}}}}}
        /logs:
          get:
            tags: [Lists]
            parameters: [{name: pageIndex, in: query, schema: {type: integer}}, {name: pageSize, in: query, schema: {type: integer}}]
            responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/LogPage'}}}}}
        /variables:
          get:
            tags: [Lists]
            parameters: [{name: page, in: query, schema: {type: integer}}, {name: pageSize, in: query, schema: {type: integer, maximum: 1000}}]
            responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/VariablePage'}}}}}
        /drilldown:
          post:
            tags: [Lists]
            requestBody: {content: {application/json: {schema: {type: object, properties: {page: {type: integer}, pageSize: {type: integer}}}}}}
            responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Drilldown'}}}}}
      components:
        schemas:
          Problem: {type: object}
          Thing: {type: object, properties: {id: {type: string}}}
          Things: {type: array, items: {$ref: '#/components/schemas/Thing'}}
          MetaPage:
            type: object
            properties:
              data: {$ref: '#/components/schemas/Things'}
              meta: {type: object, properties: {page: {type: integer}, size: {type: integer}, totalElements: {type: integer}, hasNext: {type: boolean}}}
          CursorPage:
            type: object
            properties:
              data: {type: object, properties: {items: {$ref: '#/components/schemas/Things'}, nextCursor: {type: string}, totalCount: {type: integer}}}
          ExportPage:
            type: object
            properties:
              exports: {$ref: '#/components/schemas/Things'}
              pagination: {type: object, properties: {page: {type: integer}, limit: {type: integer}, total: {type: integer}, hasMore: {type: boolean}}}
          LogPage: {type: object, properties: {records: {$ref: '#/components/schemas/Things'}, total: {type: integer}}}
          VariablePage:
            type: object
            properties:
              customVariables: {$ref: '#/components/schemas/Things'}
              totalItems: {type: integer}
              hasNext: {type: boolean}
          Drilldown:
            type: object
            properties:
              first: {$ref: '#/components/schemas/Things'}
              second: {$ref: '#/components/schemas/Things'}
              third: {$ref: '#/components/schemas/Things'}
              summary: {type: object}
              pagination: {type: object, properties: {currentPage: {type: integer}, hasMore: {type: boolean}}}
      """;

  private static final String SIZES = """
      changes:
        - {target: op listMeta, patch: {x-harness-paging: {maxPageSize: 20, maxPageSizeSource: conservative}}, reason: default}
        - {target: op listExports, patch: {x-harness-paging: {maxPageSize: 50, maxPageSizeSource: conservative}}, reason: default}
        - {target: op listJobs, patch: {x-harness-paging: {maxPageSize: 20, maxPageSizeSource: conservative}}, reason: default}
        - {target: op listLogs, patch: {x-harness-paging: {maxPageSize: 20, maxPageSizeSource: conservative}}, reason: default}
      """;

  private static final String LISTS = """
        - {op: "GET /meta", id: listMeta, tag: Lists}
        - {op: "GET /cursor", id: listCursor, tag: Lists}
        - {op: "GET /exports", id: listExports, tag: Lists}
        - {op: "GET /jobs", id: listJobs, tag: Lists}
        - {op: "GET /logs", id: listLogs, tag: Lists}
        - {op: "GET /variables", id: listVariables, tag: Lists}
      """;

  @Test
  void recognisesEachNewShapeByItsParametersAndAnswer() {
    JsonNode document = importThings(LISTS, SIZES, SOURCE).document();

    assertThat(paging(document, "/meta")).isEqualTo("{\"shape\":\"ng-page-meta\",\"in\":\"query\",\"pageParam\":\"page\","
        + "\"sizeParam\":\"size\",\"items\":\"data\",\"maxPageSize\":20,\"maxPageSizeSource\":\"conservative\"}");
    assertThat(paging(document, "/cursor")).isEqualTo("{\"shape\":\"cursor\",\"in\":\"query\",\"pageParam\":\"cursor\","
        + "\"sizeParam\":\"limit\",\"items\":\"data.items\",\"maxPageSize\":200,\"maxPageSizeSource\":\"documented\"}");
    assertThat(paging(document, "/exports")).startsWith("{\"shape\":\"sei-v2-exports\",\"in\":\"query\","
        + "\"pageParam\":\"page\",\"sizeParam\":\"limit\",\"items\":\"exports\"");
    assertThat(paging(document, "/jobs")).startsWith("{\"shape\":\"bare-array\",\"in\":\"query\",\"pageParam\":\"page\","
        + "\"sizeParam\":\"size\",\"items\":\"\"");
    assertThat(paging(document, "/logs")).startsWith("{\"shape\":\"sei-v2-activity-logs\",\"in\":\"query\","
        + "\"pageParam\":\"pageIndex\",\"sizeParam\":\"pageSize\",\"items\":\"records\"");
    assertThat(paging(document, "/variables")).isEqualTo("{\"shape\":\"sei-v2-custom-variables\",\"in\":\"query\","
        + "\"pageParam\":\"page\",\"sizeParam\":\"pageSize\",\"items\":\"customVariables\",\"maxPageSize\":1000,"
        + "\"maxPageSizeSource\":\"documented\"}");
  }

  @Test
  void anAnswerWithSeveralItemArraysTakesThemInTheOrderTheOverlayNamesThem() {
    JsonNode document = importThings("""
          - {op: "POST /drilldown", id: listDrilldown, tag: Lists}
        """, """
        changes:
          - target: op listDrilldown
            patch: {x-harness-paging: {items: [first, second, third], identity: id, maxPageSize: 50, maxPageSizeSource: conservative}}
            reason: The records are in one of three arrays, by integration.
        """, SOURCE).document();

    assertThat(paging(document, "/drilldown", "post")).isEqualTo("{\"shape\":\"sei-v2-drilldown\",\"in\":\"body\","
        + "\"pageParam\":\"page\",\"sizeParam\":\"pageSize\",\"items\":[\"first\",\"second\",\"third\"],\"maxPageSize\":50,"
        + "\"maxPageSizeSource\":\"conservative\",\"identity\":\"id\"}");
  }

  @Test
  void anItemArrayTheAnswerDoesNotHaveStopsTheImport() {
    assertThatThrownBy(() -> importThings("""
          - {op: "POST /drilldown", id: listDrilldown, tag: Lists}
        """, """
        changes:
          - target: op listDrilldown
            patch: {x-harness-paging: {items: [first, summary, fourth], maxPageSize: 50, maxPageSizeSource: conservative}}
            reason: A wrong list.
        """, SOURCE))
        .isInstanceOf(SpecImportException.class)
        .hasMessageContaining("op listDrilldown (POST /drilldown): its paging names [summary, fourth] as item arrays,"
            + " but its answer has no array there");
  }

  @Test
  void anAnswerWithSeveralArraysAndNoOverlayNamesThemAll() {
    assertThatThrownBy(() -> importThings("""
          - {op: "POST /drilldown", id: listDrilldown, tag: Lists}
        """, """
        changes:
          - {target: op listDrilldown, patch: {x-harness-paging: {maxPageSize: 50, maxPageSizeSource: conservative}}, reason: default}
        """, SOURCE))
        .isInstanceOf(SpecImportException.class)
        .hasMessageContaining("matches shape sei-v2-drilldown, but its answer has [first, second, third] as item arrays");
  }

  private static String paging(JsonNode document, String path) {
    return paging(document, path, "get");
  }

  private static String paging(JsonNode document, String path, String method) {
    return document.at("/paths/" + path.replace("/", "~1") + "/" + method + "/x-harness-paging").toString();
  }
}
