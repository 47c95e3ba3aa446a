package io.github.harnessreactive.spec.tools.importer;

import static io.github.harnessreactive.spec.tools.importer.ImportFixture.SOURCE;
import static io.github.harnessreactive.spec.tools.importer.ImportFixture.importThings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the importer writes: facts only, the schemas needed, our extensions by rule, our wording. */
class SpecImporterTest {

  private static final String LIST = """
        - {op: "GET /things", id: listThings, tag: Things}
      """;

  @Test
  void takesOnlyFactsAndOnlyTheSchemasItNeeds() {
    JsonNode document = importThings(LIST, "", SOURCE).document();

    JsonNode op = document.at("/paths/~1things/get");
    assertThat(op.path("operationId").asString()).isEqualTo("listThings");
    assertThat(op.path("tags").toString()).isEqualTo("[\"Things\"]");
    assertThat(op.path("responses").path("200").path("description").asString()).isEqualTo("OK");
    assertThat(op.at("/responses/400/$ref").asString()).isEqualTo("#/components/responses/BadRequest");
    assertThat(document.at("/components/schemas").propertyNames()).containsExactly("Problem", "Thing", "ThingPage");
    assertThat(document.at("/components/schemas/Thing").has("description")).as("source prose").isFalse();
    assertThat(document.at("/components/schemas/Thing/properties/name").toString()).isEqualTo("{\"type\":\"string\"}");
  }

  @Test
  void derivesRetrySafetyFromTheMethodAndPagingFromTheKnownShapes() {
    JsonNode document = importThings(LIST + """
        - {op: "POST /things", tag: Things}
      """, "", SOURCE).document();

    JsonNode list = document.at("/paths/~1things/get");
    assertThat(list.path("x-harness-retry-safe").asBoolean()).isTrue();
    assertThat(list.path("x-harness-paging").toString()).isEqualTo("{\"shape\":\"sei-v2-records\",\"in\":\"query\","
        + "\"pageParam\":\"pageIndex\",\"sizeParam\":\"pageSize\",\"items\":\"records\",\"maxPageSize\":100,"
        + "\"maxPageSizeSource\":\"documented\"}");
    JsonNode create = document.at("/paths/~1things/post");
    assertThat(create.path("operationId").asString()).as("the source's id, camel-cased").isEqualTo("createThing");
    assertThat(create.path("x-harness-retry-safe").asBoolean()).isFalse();
  }

  @Test
  void appliesTheOverlaysWordingAndChanges() {
    JsonNode document = importThings(LIST, """
        descriptions:
          operations:
            listThings: {summary: List things, responses: {'200': One page of things.}}
          schemas:
            Thing: {description: Our thing., properties: {name: Its name.}}
        changes:
          - target: schema Thing.kind
            patch: {enum: null}
            reason: Harness adds kinds.
          - target: schema Thing.size
            add: {type: integer}
            source: seed 004
            reason: The source predates it.
          - target: op listThings param pageSize
            patch: {schema: {minimum: 1}}
            reason: Sizes start at 1.
        """, SOURCE).document();

    JsonNode thing = document.at("/components/schemas/Thing");
    assertThat(thing.path("description").asString()).isEqualTo("Our thing.");
    assertThat(thing.at("/properties/name/description").asString()).isEqualTo("Its name.");
    assertThat(thing.at("/properties/kind").toString()).isEqualTo("{\"type\":\"string\"}");
    assertThat(thing.at("/properties/size/type").asString()).isEqualTo("integer");
    JsonNode op = document.at("/paths/~1things/get");
    assertThat(op.path("summary").asString()).isEqualTo("List things");
    assertThat(op.at("/responses/200/description").asString()).isEqualTo("One page of things.");
    assertThat(op.at("/parameters/1/schema/minimum").asInt()).isEqualTo(1);
  }

  @Test
  void placesPinnedParametersSoTheGeneratedMethodKeepsThePinnedOrder() {
    JsonNode document = importThings("""
        - {op: "GET /things", id: listThings, tag: Things, params: [accountId, pageSize, pageIndex]}
      """, "", SOURCE).document();

    assertThat(document.at("/paths/~1things/get/parameters").findValuesAsString("name"))
        .as("optional slots take the pinned optional order; the generator then puts accountId first")
        .containsExactly("pageSize", "pageIndex", "accountId");
  }

  @Test
  void normalisesOpenApi31AndWhatTheGeneratorCannotTake() {
    SpecImporter.Result result = importThings("""
          - {op: "GET /odd/{id}", id: getOdd, tag: Odd}
        """, "", """
        openapi: 3.1.0
        paths:
          /odd/{id}:
            get:
              tags: [Odd]
              parameters:
                - {name: id, in: path, schema: {type: string}}
                - {name: ghost, in: path, schema: {type: string}}
                - {name: order, in: query, schema: {type: string, enum: [asc, desc], default: ASC}}
              responses:
                '200':
                  description: ok
                  content: {'*/*': {schema: {$ref: '#/components/schemas/Odd'}}}
        components:
          schemas:
            Problem: {type: object}
            Odd:
              type: object
              x-internal: true
              properties:
                maybe: {type: [string, 'null']}
                fixed: {const: ONE}
                flag: {type: boolean, default: 'true'}
                parent: {$ref: '#/components/schemas/Base', description: says the source}
            Base:
              type: object
              discriminator: {propertyName: kind}
              properties: {kind: {type: string, enum: [A, B]}}
            Child:
              allOf:
                - {$ref: '#/components/schemas/Base'}
                - {type: object, properties: {kind: {type: string, enum: [A]}, extra: {type: string}}}
        """);

    JsonNode document = result.document();
    JsonNode op = document.at("/paths/~1odd~1{id}/get");
    assertThat(op.at("/parameters/0/required").asBoolean()).as("a path parameter is required").isTrue();
    assertThat(op.at("/parameters/1/in").asString()).as("not in the path template").isEqualTo("query");
    assertThat(op.at("/parameters/2/schema/default").asString()).isEqualTo("asc");
    assertThat(op.at("/responses/200/content").propertyNames()).containsExactly("application/json");
    JsonNode odd = document.at("/components/schemas/Odd");
    assertThat(odd.has("x-internal")).isFalse();
    assertThat(odd.at("/properties/maybe").toString()).isEqualTo("{\"type\":\"string\",\"nullable\":true}");
    assertThat(odd.at("/properties/fixed/enum").toString()).isEqualTo("[\"ONE\"]");
    assertThat(odd.at("/properties/flag/default").isBoolean()).isTrue();
    assertThat(odd.at("/properties/parent").toString()).isEqualTo("{\"$ref\":\"#/components/schemas/Base\"}");
    assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("default 'ASC' written as the enum value 'asc'"));
  }

  @Test
  void dropsAPropertyAnAllOfPartRedefinesAsTheParentsDiscriminator() {
    JsonNode document = importThings("""
          - {op: "GET /kids", id: getKid, tag: Kids}
        """, "", """
        openapi: 3.0.3
        paths:
          /kids:
            get:
              tags: [Kids]
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Child'}}}}
        components:
          schemas:
            Problem: {type: object}
            Base:
              type: object
              discriminator: {propertyName: kind}
              properties: {kind: {type: string, enum: [A, B]}}
            Child:
              allOf:
                - {$ref: '#/components/schemas/Base'}
                - {type: object, required: [kind], properties: {kind: {type: string, enum: [A]}, extra: {type: string}}}
        """).document();

    JsonNode inline = document.at("/components/schemas/Child/allOf/1");
    assertThat(inline.path("properties").propertyNames()).containsExactly("extra");
    assertThat(inline.has("required")).isFalse();
  }

  @Test
  void aMultipartUploadIsNotRetrySafeAndAPostTheOverlayMarksIs() {
    JsonNode document = importThings("""
          - {op: "PUT /files", id: uploadFile, tag: Files}
          - {op: "POST /things", id: searchThings, tag: Things}
        """, """
        changes:
          - target: op searchThings
            patch: {x-harness-retry-safe: true}
            reason: A POST that only reads.
        """, SOURCE.replace("paths:\n", """
        paths:
          /files:
            put:
              tags: [Files]
              requestBody:
                content: {multipart/form-data: {schema: {type: object, properties: {file: {type: string, format: binary}}}}}
              responses: {'204': {description: done}}
        """)).document();

    assertThat(document.at("/paths/~1files/put/x-harness-retry-safe").asBoolean()).isFalse();
    assertThat(document.at("/paths/~1things/post/x-harness-retry-safe").asBoolean()).isTrue();
  }

  @Test
  void aBodyOfferingJsonKeepsOnlyJsonSoNoInlineFormModelIsNeeded() {
    JsonNode document = importThings("""
          - {op: "POST /secrets", id: createSecret, tag: Secrets}
        """, "", SOURCE.replace("paths:\n", """
        paths:
          /secrets:
            post:
              tags: [Secrets]
              requestBody:
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Thing'}}
                  multipart/form-data: {schema: {type: object, properties: {file: {type: string, format: binary}}}}
              responses: {'200': {description: ok}}
        """)).document();

    assertThat(document.at("/paths/~1secrets/post/requestBody/content").propertyNames())
        .containsExactly("application/json");
  }

  @Test
  void aGroupEntryTakesWhatNoSingleEntryTakes() {
    JsonNode document = importThings("""
          - {op: "GET /things", id: listThings, tag: Things}
          - {sourceTag: Things, tag: Things}
        """, "", SOURCE).document();

    assertThat(document.at("/paths/~1things/get/operationId").asString()).isEqualTo("listThings");
    assertThat(document.at("/paths/~1things/post/operationId").asString()).isEqualTo("createThing");
  }
}
