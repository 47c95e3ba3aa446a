package io.github.harnessreactive.spec;

import io.github.harnessreactive.spec.tools.CatalogueBuilder;
import io.github.harnessreactive.spec.tools.SpecConventionException;
import io.github.harnessreactive.spec.tools.SpecDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks documents the way the build does, without Maven: {@code harness-api-spec/check-spec.sh FILE...}.
 * Prints every problem and exits with 1 when there is one.
 */
public final class SpecCheck {

  private SpecCheck() {
  }

  public static void main(String[] args) {
    List<String> problems = new ArrayList<>();
    for (String arg : args) {
      Path file = Path.of(arg);
      SpecValidator.problems(file).forEach(p -> problems.add(file.getFileName() + ": " + p));
      try {
        int operations = new CatalogueBuilder(List.of(SpecDocument.read(file))).build()
            .get("operations").size();
        System.out.println(file.getFileName() + ": " + operations + " operations");
      } catch (SpecConventionException e) {
        problems.addAll(e.problems());
      }
    }
    problems.forEach(System.out::println);
    System.out.println(problems.isEmpty() ? "OK" : problems.size() + " problem(s)");
    System.exit(problems.isEmpty() ? 0 : 1);
  }
}
