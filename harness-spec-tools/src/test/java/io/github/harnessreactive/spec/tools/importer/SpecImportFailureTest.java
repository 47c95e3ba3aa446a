package io.github.harnessreactive.spec.tools.importer;

import static io.github.harnessreactive.spec.tools.importer.ImportFixture.SOURCE;
import static io.github.harnessreactive.spec.tools.importer.ImportFixture.importThings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** An import that cannot produce a correct document stops, naming the operation or schema and the fix. */
class SpecImportFailureTest {

  @Test
  void aListMatchingNoKnownPageShapeNamesTheOperationAndWhatToAddToTheOverlay() {
    List<String> problems = problems(() -> importThings("""
          - {op: "GET /widgets", id: listWidgets, tag: Widgets}
        """, "", SOURCE.replace("paths:\n", """
        paths:
          /widgets:
            get:
              tags: [Widgets]
              parameters: [{name: cursor, in: query, schema: {type: string}}]
              responses:
                '200':
                  description: ok
                  content: {application/json: {schema: {type: object, properties: {entries: {type: array, items: {type: string}}, next: {type: string}}}}}
        """)));

    assertThat(problems).singleElement().satisfies(p -> assertThat(p)
        .contains("op listWidgets (GET /widgets)", "matches no known page shape", "ng-page-response",
            "- target: op listWidgets / patch: {x-harness-paging: {shape", "new page shape first"));
  }

  @Test
  void aSelectionEntryThatMatchesNothingNamesTheOperationAndTheFix() {
    List<String> problems = problems(() -> importThings("""
          - {op: "GET /things/{thingId}", id: getThing, tag: Things}
        """, "", SOURCE.replace("paths:\n", """
        paths:
          /things/{id}:
            get: {tags: [Things], responses: {'200': {description: ok}}}
        """)));

    assertThat(problems).singleElement().satisfies(p -> assertThat(p)
        .contains("op getThing", "matches no operation of source src", "the source has GET /things/{id}",
            "fix the entry, or take the operation from: overlay and add it there"));
  }

  @Test
  void aBrokenReferenceNamesTheOperationAndTheFix() {
    List<String> problems = problems(() -> importThings("""
          - {op: "GET /broken", id: getBroken, tag: Things}
        """, "", SOURCE.replace("paths:\n", """
        paths:
          /broken:
            get:
              tags: [Things]
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Missing'}}}}
        """)));

    assertThat(problems).singleElement().satisfies(p -> assertThat(p)
        .contains("broken $ref: op getBroken refers to schema Missing", "- target: schema Missing / add:"));
  }

  @Test
  void aParameterThatBecameRequiredStopsTheImportInsteadOfSwappingArguments() {
    List<String> problems = problems(() -> importThings("""
          - {op: "GET /things", id: listThings, tag: Things, params: [accountId, pageIndex, pageSize]}
        """, "", SOURCE.replace("{name: pageSize, in: query, schema", "{name: pageSize, in: query, required: true, schema")));

    assertThat(problems).singleElement().satisfies(p -> assertThat(p)
        .contains("op listThings", "would take its parameters as [accountId, pageSize, pageIndex], not as pinned "
            + "[accountId, pageIndex, pageSize]", "facade"));
  }

  @Test
  void overlayChangesThatNoLongerApplyAreReported() {
    List<String> problems = problems(() -> importThings("""
          - {op: "GET /things", id: listThings, tag: Things}
        """, """
        changes:
          - target: schema Thing.name
            patch: {type: string}
            reason: Already a string.
          - target: schema Thing.colour
            remove: true
            reason: The source dropped it long ago.
          - target: schema Problem
            add: {type: object}
            source: seed 004
            reason: Thought no source had it.
          - target: op listThings
            patch: {x-harness-paging: {maxPageSize: 100}}
            reason: Derived anyway.
        """, SOURCE));

    assertThat(problems).hasSize(4)
        .anySatisfy(p -> assertThat(p).contains("change #1 (schema Thing.name)", "changes nothing"))
        .anySatisfy(p -> assertThat(p).contains("change #2 (schema Thing.colour)", "no longer has"))
        .anySatisfy(p -> assertThat(p).contains("change #3 (schema Problem)", "a source now defines schema Problem"))
        .anySatisfy(p -> assertThat(p).contains("op listThings", "[maxPageSize]", "derived"));
  }

  @Test
  void aChangeWithoutAReasonIsRefused() {
    List<String> problems = problems(() -> ImportFixture.overlay("""
        changes:
          - target: schema Thing.kind
            patch: {enum: null}
        """));

    assertThat(problems).singleElement().satisfies(p -> assertThat(p)
        .contains("change #1 (schema Thing.kind) has no reason"));
  }

  @Test
  void propertiesThatBecomeTheSameJavaNameAreReported() {
    List<String> problems = problems(() -> importThings("""
          - {op: "GET /things", id: listThings, tag: Things}
        """, "", SOURCE.replace("name: {type: string, description: its name}",
        "name: {type: string}\n        ref_id: {type: string}\n        refId: {type: string}")));

    assertThat(problems).singleElement().satisfies(p -> assertThat(p)
        .contains("schema Thing: properties 'ref_id' and 'refId' become the same Java name", "nameMappings"));
  }

  private static List<String> problems(ThrowingCallable call) {
    List<String>[] problems = new List[1];
    assertThatThrownBy(call).isInstanceOfSatisfying(SpecImportException.class, e -> problems[0] = e.problems());
    return problems[0];
  }
}
