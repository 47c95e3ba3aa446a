package io.github.harnessreactive.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.harnessreactive.spec.tools.CatalogueBuilder;
import io.github.harnessreactive.spec.tools.SpecConventionException;
import io.github.harnessreactive.spec.tools.SpecDocument;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every document we ship parses as valid OpenAPI 3.0.3 and follows our extension conventions. */
class SpecValidationTest {

  static final List<String> NAMES = Documents.NAMES;

  @ParameterizedTest
  @FieldSource("NAMES")
  void documentIsValidOpenApi(String name) {
    assertThat(SpecValidator.problems(Documents.document(name))).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void documentFollowsTheExtensionConventions(String name) {
    SpecDocument document = SpecDocument.read(Documents.document(name));
    assertThat(document.operations()).isNotEmpty();
    new CatalogueBuilder(List.of(document)).build();
  }

  @Test
  void validatorCatchesABrokenDocument() {
    List<String> problems = SpecValidator.problems(Documents.testResource("broken/invalid-openapi.yaml"));

    assertThat(problems).anySatisfy(p -> assertThat(p).contains("responses"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("NoSuchSchema"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("3.0.3"));
  }

  @Test
  void conventionCheckCatchesMissingAndMalformedExtensions() {
    SpecDocument broken = SpecDocument.read(Documents.testResource("broken/bad-extensions.yaml"));

    assertThatThrownBy(() -> new CatalogueBuilder(List.of(broken)).build())
        .isInstanceOfSatisfying(SpecConventionException.class, e -> assertThat(e.problems())
            .anySatisfy(p -> assertThat(p).contains("listThings").contains("without x-harness-paging"))
            .anySatisfy(p -> assertThat(p).contains("getThing").contains("x-harness-retry-safe"))
            .anySatisfy(p -> assertThat(p).contains("listPages").contains("'cursor-magic'"))
            .anySatisfy(p -> assertThat(p).contains("listPages").contains("'pageIndex' it does not declare"))
            .anySatisfy(p -> assertThat(p).contains("listBodies").contains("body field 'page_size'"))
            .anySatisfy(p -> assertThat(p).contains("x-harness-retry-safty"))
            .hasSize(6));
  }
}
