package io.github.harnessreactive.spec.tools;

import java.util.List;

/** One or more of our documents break the conventions the catalogue relies on. */
public final class SpecConventionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public SpecConventionException(List<String> problems) {
    super(problems.size() + " problem(s) in the OpenAPI documents:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, one line each, naming the document, operation and rule. */
  public List<String> problems() {
    return problems;
  }
}
