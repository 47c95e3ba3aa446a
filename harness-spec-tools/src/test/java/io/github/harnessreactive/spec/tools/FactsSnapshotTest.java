package io.github.harnessreactive.spec.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** A snapshot keeps names, types and constraints, and no prose. */
class FactsSnapshotTest {

  @Test
  void keepsFactsAndDropsProse() {
    JsonNode source = YAMLMapper.builder().build().readTree("""
        openapi: 3.1.0
        info: {title: The API, version: '2', description: Long prose.}
        tags: [{name: Things, description: Prose about things.}]
        paths:
          /things:
            get:
              tags: [Things]
              summary: Prose.
              description: Prose.
              operationId: getThings
              parameters:
                - {name: q, in: query, description: Prose., example: x, schema: {type: string, maxLength: 9}}
              responses:
                '200':
                  description: Prose.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
                      examples: {one: {value: {description: prose}}}
        components:
          schemas:
            Thing:
              type: object
              title: Prose.
              description: Prose.
              x-internal: true
              x-displayName: Prose.
              properties:
                description: {type: string, description: Prose., example: prose}
        """);

    JsonNode facts = FactsSnapshot.of(source);

    assertThat(facts.toString()).doesNotContain("Prose", "prose", "The API");
    assertThat(facts.at("/paths/~1things/get/operationId").asString()).isEqualTo("getThings");
    assertThat(facts.at("/paths/~1things/get/parameters/0").toString())
        .isEqualTo("{\"name\":\"q\",\"in\":\"query\",\"schema\":{\"type\":\"string\",\"maxLength\":9}}");
    assertThat(facts.at("/components/schemas/Thing").toString()).isEqualTo(
        "{\"type\":\"object\",\"x-internal\":true,\"properties\":{\"description\":{\"type\":\"string\"}}}");
    assertThat(facts.path("tags").isMissingNode()).isTrue();
  }
}
