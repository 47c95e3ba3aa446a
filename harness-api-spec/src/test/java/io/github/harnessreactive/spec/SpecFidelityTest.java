package io.github.harnessreactive.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.spec.FidelityChecker.Difference;
import io.github.harnessreactive.spec.FidelityChecker.Mapping;
import io.github.harnessreactive.spec.tools.SpecDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Our documents agree with Harness's reference documents wherever both describe the same thing,
 * except for the deliberate differences listed, each with its reason, in
 * {@code fidelity/allowed-differences.tsv}.
 */
class SpecFidelityTest {

  static final Path FACTS = Path.of("src/test/resources/fidelity/facts");
  static final Path ALLOWED = Path.of("src/test/resources/fidelity/allowed-differences.tsv");

  /**
   * Which facts each document is compared with. The NG reference describes ng-manager below
   * {@code /gateway/ng/api}, so our {@code /ng/api} prefix is set aside; operations of ours it lacks
   * (the pipeline service) come from the fact sheet. The other references cover what we describe,
   * so an operation none of them has is a difference to justify.
   */
  static final List<Mapping> MAPPINGS = List.of(
      new Mapping("platform-ng", "platform-ng", "/ng/api", false),
      new Mapping("platform-v1", "platform-v1", "", true),
      new Mapping("sei-v1", "sei", "", true),
      new Mapping("sei-v2", "sei-v2", "", true));

  @Test
  void documentsAgreeWithTheReferencesExceptForAllowedDifferences() throws IOException {
    Map<String, String> allowed = allowedDifferences();
    Set<String> found = new TreeSet<>();
    int operations = 0;
    int schemas = 0;
    for (Mapping mapping : MAPPINGS) {
      FidelityChecker.Result result = new FidelityChecker(mapping, FACTS)
          .check(SpecDocument.read(Documents.document(mapping.document())));
      result.differences().forEach(d -> found.add(d.key()));
      operations += result.operationsChecked();
      schemas += result.schemasChecked();
      System.out.printf("fidelity %s: %d operations and %d schemas compared, %d differences%n",
          mapping.document(), result.operationsChecked(), result.schemasChecked(), result.differences().size());
    }

    List<String> unexpected = found.stream().filter(d -> !allowed.containsKey(d)).toList();
    List<String> stale = allowed.keySet().stream().filter(d -> !found.contains(d)).toList();
    assertThat(unexpected)
        .as("differences from the reference documents that are not in %s (add them with a reason, or fix the document)", ALLOWED)
        .isEmpty();
    assertThat(stale).as("entries of %s that no longer match a difference", ALLOWED).isEmpty();
    assertThat(operations).as("operations compared with a reference").isGreaterThan(50);
    assertThat(schemas).as("schemas compared with a reference").isGreaterThan(10);
  }

  @Test
  void checkerReportsADocumentThatDisagreesWithItsReference() {
    FidelityChecker checker = new FidelityChecker(new Mapping("platform-v1", "platform-v1", "", true), FACTS);

    List<Difference> differences =
        checker.check(SpecDocument.read(Documents.testResource("fidelity/wrong/platform-v1.yaml"))).differences();

    assertThat(differences).extracting(Difference::key).containsExactlyInAnyOrder(
        "platform-v1\tGET /v1/orgs/{organization}\tparameter path:organization not in reference",
        "platform-v1\tGET /v1/orgs/{organization}\tparameter query:pageNumber not in reference",
        "platform-v1\tGET /v1/organisations\toperation not in any reference",
        "platform-v1\tschema OrganizationResponse\tproperty created is string, reference integer",
        "platform-v1\tschema OrganizationResponse\tproperty colour not in reference");
  }

  @Test
  void checkerReportsAnSeiV1PathMissingFromTheEndpointList() {
    FidelityChecker checker = new FidelityChecker(new Mapping("sei-v1", "sei", "", true), FACTS);

    List<Difference> differences =
        checker.check(SpecDocument.read(Documents.testResource("fidelity/wrong/sei-v1.yaml"))).differences();

    assertThat(differences).extracting(Difference::key)
        .containsExactly("sei-v1\tPOST /v1/org/magic/list\toperation not in any reference");
  }

  /** The allow-list: {@code document<TAB>subject<TAB>difference<TAB>reason}; every reason is required. */
  private static Map<String, String> allowedDifferences() throws IOException {
    Map<String, String> allowed = new LinkedHashMap<>();
    List<String> malformed = new ArrayList<>();
    for (String line : Files.readAllLines(ALLOWED)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t");
      if (cells.length != 4 || cells[3].isBlank()) {
        malformed.add(line);
      } else {
        allowed.put(cells[0] + "\t" + cells[1] + "\t" + cells[2], cells[3]);
      }
    }
    assertThat(malformed).as("allow-list lines without four columns and a reason").isEmpty();
    return allowed;
  }
}
