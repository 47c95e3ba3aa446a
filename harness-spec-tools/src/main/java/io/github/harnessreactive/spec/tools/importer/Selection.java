package io.github.harnessreactive.spec.tools.importer;

import io.github.harnessreactive.spec.tools.SpecDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which operations (and extra schemas) one of our documents takes from which source, in document
 * order: the {@code <document>.selection.yaml} file. The format is described in
 * {@code harness-api-spec/README.md}; in short:
 *
 * <pre>
 * document: platform-ng
 * sources:
 *   ng: {snapshot: platform-ng/harness-go-sdk__...__2021-11.yaml, pathPrefix: /ng/api, upstream: https://...}
 * schemas:
 *   - {from: ng, names: [Failure, Error]}
 * operations:
 *   - {op: GET /organizations, id: listOrganizations, tag: Organizations, params: [accountIdentifier, ...]}
 *   - {sourceTag: Developers, tag: Developers}
 *   - {op: GET /ng/api/projects/list, from: overlay, id: listProjectsWithMultiOrgFilter, tag: Projects}
 * </pre>
 *
 * @param document our document's name
 * @param sources the sources, by the alias entries use in {@code from}; the first is the default
 * @param schemas schemas to take although no selected operation reaches them
 * @param operations the selection entries, in document order
 */
public record Selection(String document, Map<String, Source> sources, List<SchemaPick> schemas, List<Entry> operations) {

  /** The {@code from} value of an operation that no source has: the overlay defines it. */
  public static final String OVERLAY = "overlay";

  /**
   * A source document.
   *
   * @param alias the name entries use for it
   * @param snapshot its facts-only snapshot, relative to the importer's {@code sources} folder
   * @param pathPrefix what our paths put before the source's (its server path), or ""
   * @param upstream where Harness publishes the full document, for people updating the snapshot
   */
  public record Source(String alias, String snapshot, String pathPrefix, String upstream) {
  }

  /**
   * Schemas taken by name.
   *
   * @param from the source alias
   * @param names the schema names
   */
  public record SchemaPick(String from, List<String> names) {
  }

  /** How an entry chooses operations in its source. */
  public enum Selector {
    /** One operation by {@code METHOD /path} as the source writes it. */
    OP("op"),
    /** One operation by the source's operationId. */
    OPERATION_ID("operationId"),
    /** Every operation carrying a tag in the source. */
    SOURCE_TAG("sourceTag"),
    /** Every operation whose source path starts with a prefix. */
    PATH_PREFIX("pathPrefix");

    private final String key;

    Selector(String key) {
      this.key = key;
    }

    /** The YAML key naming this selector. */
    public String key() {
      return key;
    }

    /** Whether the selector picks a single operation (so {@code id}, {@code params}, {@code path} apply). */
    public boolean single() {
      return this == OP || this == OPERATION_ID;
    }
  }

  /**
   * One line of the selection.
   *
   * @param selector how it chooses
   * @param value the selector's value ({@code GET /path}, an operationId, a tag or a path prefix)
   * @param from the source alias, or {@link #OVERLAY}
   * @param id our operationId, when we rename (single selectors only); null to derive it
   * @param tag our tag; null to keep the source's first tag
   * @param params the parameter order the generated method keeps (wire names); empty for the source's order
   * @param path our path, when it is not {@code pathPrefix + source path}; null otherwise
   * @param exclude operations a group selector leaves out ({@code METHOD /path})
   */
  public record Entry(Selector selector, String value, String from, String id, String tag, List<String> params,
      String path, List<String> exclude) {

    /** The entry as it would be written, for messages. */
    public String describe() {
      return "{" + selector.key() + ": " + value + (id == null ? "" : ", id: " + id) + "}";
    }

    /** Method of an {@link Selector#OP} entry, upper case. */
    public String method() {
      return value.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    }

    /** Path of an {@link Selector#OP} entry. */
    public String opPath() {
      String[] parts = value.split("\\s+", 2);
      return parts.length == 2 ? parts[1].trim() : "";
    }
  }

  private static final Set<String> ENTRY_KEYS = Set.of(
      "op", "operationId", "sourceTag", "pathPrefix", "from", "id", "tag", "params", "path", "exclude");

  /**
   * Reads a selection file.
   *
   * @throws SpecImportException when the file does not follow the format, listing every problem
   */
  public static Selection read(Path file) {
    return of(file.getFileName().toString(), SpecDocument.read(file).root());
  }

  /**
   * Reads a selection from its YAML tree.
   *
   * @param name the file name, for messages
   * @throws SpecImportException when the tree does not follow the format, listing every problem
   */
  public static Selection of(String name, JsonNode root) {
    List<String> problems = new ArrayList<>();
    String document = JsonTrees.text(root, "document").orElse("");
    if (document.isEmpty()) {
      problems.add(name + ": 'document' (our document's name) is missing");
    }
    Map<String, Source> sources = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> source : root.path("sources").properties()) {
      JsonNode value = source.getValue();
      String snapshot = JsonTrees.text(value, "snapshot").orElse("");
      if (snapshot.isEmpty()) {
        problems.add(name + ": source '" + source.getKey() + "' has no 'snapshot'");
      }
      sources.put(source.getKey(), new Source(source.getKey(), snapshot,
          JsonTrees.text(value, "pathPrefix").orElse(""), JsonTrees.text(value, "upstream").orElse("")));
    }
    if (sources.containsKey(OVERLAY)) {
      problems.add(name + ": '" + OVERLAY + "' is reserved for operations the overlay defines; rename that source");
    }
    String defaultSource = sources.isEmpty() ? OVERLAY : sources.keySet().iterator().next();

    List<SchemaPick> schemas = new ArrayList<>();
    for (JsonNode pick : root.path("schemas")) {
      String from = JsonTrees.text(pick, "from").orElse(defaultSource);
      if (!sources.containsKey(from)) {
        problems.add(name + ": schemas entry names unknown source '" + from + "'");
      }
      schemas.add(new SchemaPick(from, JsonTrees.texts(pick, "names")));
    }

    List<Entry> operations = new ArrayList<>();
    for (JsonNode line : root.path("operations")) {
      entry(name, line, defaultSource, sources, problems).ifPresent(operations::add);
    }
    if (operations.isEmpty()) {
      problems.add(name + ": 'operations' selects nothing");
    }
    if (!problems.isEmpty()) {
      throw new SpecImportException(problems);
    }
    return new Selection(document, sources, schemas, operations);
  }

  private static Optional<Entry> entry(String name, JsonNode line, String defaultSource,
      Map<String, Source> sources, List<String> problems) {
    String where = name + ": operations entry " + line;
    line.propertyNames().stream().filter(k -> !ENTRY_KEYS.contains(k))
        .forEach(k -> problems.add(where + " has an unknown key '" + k + "' (known: " + ENTRY_KEYS + ")"));
    List<Selector> selectors = new ArrayList<>();
    for (Selector selector : Selector.values()) {
      if (line.has(selector.key())) {
        selectors.add(selector);
      }
    }
    if (selectors.size() != 1) {
      problems.add(where + " must have exactly one of op, operationId, sourceTag, pathPrefix");
      return Optional.empty();
    }
    Selector selector = selectors.get(0);
    String value = line.get(selector.key()).asString().trim();
    String from = JsonTrees.text(line, "from").orElse(defaultSource);
    Entry entry = new Entry(selector, value, from, JsonTrees.text(line, "id").orElse(null),
        JsonTrees.text(line, "tag").orElse(null), JsonTrees.texts(line, "params"),
        JsonTrees.text(line, "path").orElse(null), JsonTrees.texts(line, "exclude"));
    if (!OVERLAY.equals(from) && !sources.containsKey(from)) {
      problems.add(where + " names unknown source '" + from + "' (sources: " + sources.keySet() + ")");
    }
    if (selector == Selector.OP && entry.opPath().isEmpty()) {
      problems.add(where + ": op must be 'METHOD /path'");
    }
    if (!selector.single() && (entry.id() != null || !entry.params().isEmpty() || entry.path() != null)) {
      problems.add(where + ": id, params and path apply to one operation; use op or operationId");
    }
    if (OVERLAY.equals(from) && (selector != Selector.OP || entry.id() == null || entry.tag() == null)) {
      problems.add(where + ": an operation from the overlay needs op (METHOD /our/path), id and tag");
    }
    return Optional.of(entry);
  }
}
