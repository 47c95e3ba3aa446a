package io.github.harnessreactive.spec.tools.importer;

import java.util.List;

/**
 * An import cannot produce a correct document. Every problem found is listed, one line each,
 * naming the document, the operation or schema, what is wrong and what to change to fix it.
 */
public final class SpecImportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  /**
   * Creates the exception.
   *
   * @param problems the problems, one line each
   */
  public SpecImportException(List<String> problems) {
    super(problems.size() + " import problem(s):\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, one line each. */
  public List<String> problems() {
    return problems;
  }
}
