package io.github.harnessreactive.spec.tools.importer;

import io.github.harnessreactive.spec.tools.FactsSnapshot;
import io.github.harnessreactive.spec.tools.SpecDocument;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Small documents written inline, for importer tests: a source, a selection and an overlay. */
final class ImportFixture {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  /** A minimal overlay: a server, the shared 400 response and its error body from the source. */
  static final String OVERLAY = """
      document:
        info: {title: Things, version: 1.0.0}
        servers: [{url: 'https://example.test'}]
        components:
          responses:
            BadRequest:
              description: Refused.
              content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}
      errorResponses: {'400': BadRequest}
      """;

  /** A source with a thing, a list of things and the error body. */
  static final String SOURCE = """
      openapi: 3.0.1
      paths:
        /things:
          get:
            tags: [Things]
            operationId: getThingList
            parameters:
              - {name: pageIndex, in: query, schema: {type: integer}}
              - {name: pageSize, in: query, schema: {type: integer, maximum: 100}}
              - {name: accountId, in: query, required: true, schema: {type: string}}
            responses:
              '200':
                description: A page.
                content: {application/json: {schema: {$ref: '#/components/schemas/ThingPage'}}}
          post:
            tags: [Things]
            operationId: create-thing
            requestBody:
              content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}
            responses:
              '201':
                description: Created.
                content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}
              '400':
                description: Bad.
      components:
        schemas:
          Problem: {type: object, properties: {message: {type: string}}}
          Thing:
            type: object
            description: A thing, as the source says it.
            properties:
              name: {type: string, description: its name}
              kind: {type: string, enum: [BIG, SMALL]}
          ThingPage:
            type: object
            properties:
              records: {type: array, items: {$ref: '#/components/schemas/Thing'}}
              totalCount: {type: integer}
      """;

  private ImportFixture() {
  }

  static JsonNode yaml(String text) {
    return YAML.readTree(text);
  }

  static Selection selection(String operations) {
    return Selection.of("things.selection.yaml", yaml("""
        document: things
        sources:
          src: {snapshot: things.yaml}
        schemas:
          - {from: src, names: [Problem]}
        operations:
        """ + operations));
  }

  static Overlay overlay(String extra) {
    return Overlay.of("things.overlay.yaml", yaml(OVERLAY + extra));
  }

  static Map<String, SpecDocument> source(String text) {
    return Map.of("src", new SpecDocument("things", FactsSnapshot.of(yaml(text))));
  }

  static SpecImporter.Result importThings(String operations, String overlay, String source) {
    return new SpecImporter().importDocument(selection(operations), overlay(overlay), source(source));
  }
}
