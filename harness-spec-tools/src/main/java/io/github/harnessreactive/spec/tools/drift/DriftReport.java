package io.github.harnessreactive.spec.tools.drift;

import java.util.List;

/**
 * What changed in a newer source document, for the operations one of our documents covers, as
 * Markdown. Each change says whether it breaks generated code and which facades use what it breaks.
 *
 * @param document our document's name
 * @param source the source's alias in the selection
 * @param before what the old facts came from (the committed snapshot)
 * @param after what the new facts came from (the newer document)
 * @param coveredOperations how many operations of ours this source backs
 * @param changes the changes, operations first, then schemas, in document order
 */
public record DriftReport(String document, String source, String before, String after, int coveredOperations,
    List<Change> changes) {

  /** The kinds of change. */
  public enum Kind {
    /** A covered operation is new (a group entry of the selection takes it). */
    OPERATION_ADDED("operation added"),
    /** A covered operation is gone. */
    OPERATION_REMOVED("operation removed"),
    /** A parameter is new. */
    PARAMETER_ADDED("parameter added"),
    /** A parameter is gone. */
    PARAMETER_REMOVED("parameter removed"),
    /** A parameter became required or optional. */
    PARAMETER_REQUIRED("parameter required flag changed"),
    /** A parameter's type, format or schema changed. */
    PARAMETER_RETYPED("parameter retyped"),
    /** A request or response body now has another schema. */
    BODY_RETYPED("body retyped"),
    /** A schema is newly reached. */
    SCHEMA_ADDED("schema added"),
    /** A schema is no longer reached (or no longer defined). */
    SCHEMA_REMOVED("schema removed"),
    /** A property is new. */
    PROPERTY_ADDED("property added"),
    /** A property is gone. */
    PROPERTY_REMOVED("property removed"),
    /** A property's type, format or schema changed. */
    PROPERTY_RETYPED("property retyped"),
    /** A schema's required list changed. */
    REQUIRED_CHANGED("required properties changed"),
    /** Enum values were added. */
    ENUM_VALUES_ADDED("enum values added"),
    /** Enum values were removed. */
    ENUM_VALUES_REMOVED("enum values removed");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The words the report uses. */
    public String label() {
      return label;
    }
  }

  /**
   * One change.
   *
   * @param kind what kind
   * @param subject what changed: {@code op ID (METHOD /path)}, {@code op ID param NAME},
   *     {@code schema Name}, {@code schema Name.property}
   * @param detail before and after, or what the import will do
   * @param breaking whether it breaks code generated from our document (removed or retyped fields,
   *     a changed method signature)
   * @param usedBy the facade classes that use what it breaks
   * @param overlay the overlay changes on the same subject, which the import will re-check
   */
  public record Change(Kind kind, String subject, String detail, boolean breaking, List<String> usedBy,
      List<String> overlay) {
  }

  /** The changes that break generated code. */
  public List<Change> breaking() {
    return changes.stream().filter(Change::breaking).toList();
  }

  /** The report as Markdown. */
  public String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("## ").append(document).append(": source `").append(source).append("`\n\n");
    out.append("Compared `").append(before).append("` with `").append(after).append("`, for the ")
        .append(coveredOperations).append(" operations ").append(document).append(" takes from it and the schemas they reach.\n\n");
    if (changes.isEmpty()) {
      return out.append("No changes.\n").toString();
    }
    long breaking = breaking().size();
    long used = changes.stream().filter(c -> c.breaking() && !c.usedBy().isEmpty()).count();
    out.append(changes.size()).append(" change(s), ").append(breaking).append(" breaking generated code, ")
        .append(used).append(" of those used by facades.\n\n");
    out.append("| change | subject | detail | breaks generated code | used by facades | overlay |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (Change change : changes) {
      out.append("| ").append(change.kind().label())
          .append(" | `").append(change.subject()).append('`')
          .append(" | ").append(escape(change.detail()))
          .append(" | ").append(change.breaking() ? "**yes**" : "no")
          .append(" | ").append(change.usedBy().isEmpty() ? "" : "**" + String.join(", ", change.usedBy()) + "**")
          .append(" | ").append(escape(String.join("; ", change.overlay())))
          .append(" |\n");
    }
    return out.toString();
  }

  private static String escape(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
