package io.github.harnessreactive.spec.tools.importer;

import io.github.harnessreactive.spec.tools.CatalogueBuilder;
import io.github.harnessreactive.spec.tools.FactsSnapshot;
import io.github.harnessreactive.spec.tools.SpecConventionException;
import io.github.harnessreactive.spec.tools.SpecDocument;
import io.github.harnessreactive.spec.tools.importer.Selection.Entry;
import io.github.harnessreactive.spec.tools.importer.Selection.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds one of our OpenAPI documents from its sources, its selection and its overlay.
 *
 * <p>The result holds only facts of the sources (paths, methods, parameters with name, location,
 * required flag and schema; request and response schemas with property names, types, formats, enums
 * and required lists) plus what the overlay states: our descriptions, the shared error responses and
 * every fact change, each with its reason. Schemas are taken transitively and only as needed. Our
 * vendor extensions follow rules the README states (retry safety by method, paging from the known
 * page shapes) unless the overlay says otherwise. Every problem is collected, then reported at once
 * as a {@link SpecImportException} naming the operation or schema and the fix.
 */
public final class SpecImporter {

  /** Methods the runtime may repeat after a transient failure, unless the overlay says otherwise. */
  static final Set<String> RETRY_SAFE_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE");

  private static final List<String> OPERATION_ORDER = List.of(
      "tags", "operationId", "summary", "description", "deprecated", CatalogueBuilder.UNVERIFIED,
      CatalogueBuilder.RETRY_SAFE, CatalogueBuilder.PAGING, "parameters", "requestBody", "responses");
  private static final List<String> PARAMETER_ORDER =
      List.of("name", "in", "description", "required", "deprecated", "style", "explode", "schema");
  private static final List<String> SCHEMA_ORDER =
      List.of("$ref", "type", "format", "description", CatalogueBuilder.UNVERIFIED);
  private static final List<String> PAGING_ORDER =
      List.of("shape", "in", "pageParam", "sizeParam", "items", "maxPageSize", "maxPageSizeSource", "firstPage",
          "identity");

  /**
   * The outcome of an import.
   *
   * @param name our document's name
   * @param document the document
   * @param notes one line per normalisation rule that changed a source fact
   * @param warnings overlay wording that found nothing to describe
   */
  public record Result(String name, ObjectNode document, List<String> notes, List<String> warnings) {
  }

  /**
   * One operation the selection takes.
   *
   * @param entry the selection entry that takes it
   * @param alias its source, or null when the overlay defines it
   * @param source the source operation, or null when the overlay defines it
   * @param method the HTTP method
   * @param path our path
   * @param id our operationId
   * @param tag our tag
   */
  public record Planned(Entry entry, String alias, SpecDocument.Operation source, String method, String path,
      String id, String tag) {
  }

  /**
   * Imports a document from the files of an import folder: {@code <name>.selection.yaml},
   * {@code <name>.overlay.yaml} and the snapshots under {@code sources/}.
   *
   * @param importFolder the folder (harness-api-spec/src/main/import)
   * @param name our document's name
   * @param replacements source documents to read instead of their snapshots, by alias (a newer
   *     published document); read whole, only their facts are used
   * @throws SpecImportException listing every problem
   */
  public static Result importFolder(Path importFolder, String name, Map<String, Path> replacements) {
    Selection selection = Selection.read(importFolder.resolve(name + ".selection.yaml"));
    Overlay overlay = Overlay.read(importFolder.resolve(name + ".overlay.yaml"));
    Map<String, SpecDocument> sources = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    selection.sources().forEach((alias, source) -> {
      Path file = replacements.getOrDefault(alias, importFolder.resolve("sources").resolve(source.snapshot()));
      if (!Files.isRegularFile(file)) {
        problems.add(name + ": source " + alias + " has no file " + file
            + " (write the snapshot with ReferenceFactsExtractor, see harness-api-spec/README.md)");
      } else {
        SpecDocument read = SpecDocument.read(file);
        sources.put(alias, new SpecDocument(read.name(), FactsSnapshot.of(read.root())));
      }
    });
    if (!problems.isEmpty()) {
      throw new SpecImportException(problems);
    }
    return new SpecImporter().importDocument(selection, overlay, sources);
  }

  /**
   * Imports a document.
   *
   * @param selection what to take
   * @param overlay what to add and correct
   * @param sources the facts of the selection's sources, by alias
   * @throws SpecImportException listing every problem
   */
  public Result importDocument(Selection selection, Overlay overlay, Map<String, SpecDocument> sources) {
    String name = selection.document();
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    SchemaNormaliser normaliser = new SchemaNormaliser(n -> notes.add(name + ": " + n));
    ChangeSet changes = new ChangeSet(overlay.changes(), problems);
    OperationBuilder builder = new OperationBuilder(overlay, normaliser, n -> notes.add(name + ": " + n));
    SchemaCollector collector = new SchemaCollector(name, sources, changes, normaliser, problems);
    selection.schemas().forEach(pick -> pick.names().forEach(n -> collector.pin(pick.from(), n)));

    Map<String, ObjectNode> operations = new LinkedHashMap<>();
    Map<String, Planned> plannedById = new LinkedHashMap<>();
    for (Planned planned : plan(selection, sources, problems)) {
      String where = name + ": op " + planned.id() + " (" + planned.method() + " " + planned.path() + ")";
      if (plannedById.containsKey(planned.id())) {
        problems.add(where + ": operationId selected twice; give one of them another id");
        continue;
      }
      plannedById.put(planned.id(), planned);
      Set<String> sourceStatuses = new HashSet<>();
      ObjectNode op;
      if (planned.source() != null) {
        op = builder.build(planned.source(), planned.id(), planned.tag(), planned.path(), sourceStatuses);
      } else {
        op = changes.addedOperation(planned.id()).orElse(null);
        if (op == null) {
          problems.add(where + ": the selection takes it from the overlay, but the overlay does not add it "
              + "(- target: op " + planned.id() + " / add: {the operation} / source: ... / reason: ...)");
          continue;
        }
        op.set("tags", JsonTrees.NODES.arrayNode().add(planned.tag()));
        op.put("operationId", planned.id());
      }
      changes.applyToOperation(planned.id(), op, planned.source() != null);
      pinParameters(planned, op, where, problems);
      errorResponses(overlay, planned.method(), op, sourceStatuses);
      collector.referencesOf(op, planned.alias(), "op " + planned.id());
      operations.put(planned.id(), op);
    }
    collector.referencesOf(overlay.document().path("components"), null, "the overlay's document.components");
    Map<String, JsonNode> schemas = collector.collect();
    checkJavaNames(name, overlay, schemas, problems);

    PageShapes shapes = new PageShapes(schemas::get);
    operations.forEach((id, op) -> {
      Planned planned = plannedById.get(id);
      extensions(name + ": op " + id + " (" + planned.method() + " " + planned.path() + ")",
          id, planned.method(), op, shapes, planned.source() != null, problems);
    });

    Descriptions descriptions = new Descriptions(overlay.descriptions(), name, warnings);
    operations.forEach(descriptions::operation);
    schemas.forEach(descriptions::schema);
    descriptions.reportUnused(operations.keySet(), schemas.keySet());
    changes.reportUnused(operations.keySet(), schemas.keySet());

    ObjectNode document = assemble(overlay, plannedById, operations, schemas);
    checkReferences(name, document, problems);
    if (problems.isEmpty()) {
      try {
        new CatalogueBuilder(List.of(new SpecDocument(name, document))).build();
      } catch (SpecConventionException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new SpecImportException(problems);
    }
    return new Result(name, document, notes, warnings);
  }

  /**
   * Expands the selection into operations, in document order. A single entry (op, operationId) places
   * its operation where it stands; a group entry (sourceTag, pathPrefix) places, where it stands, every
   * matching operation no single entry takes, so a group at the end of a selection "covers" a tag or a
   * path: an operation the source adds there is imported on the next import, with its source id.
   *
   * @param selection the selection
   * @param sources the facts of its sources, by alias
   * @param problems receives an entry that matches nothing
   * @return the operations, in document order
   */
  public static List<Planned> plan(Selection selection, Map<String, SpecDocument> sources, List<String> problems) {
    Set<String> takenBySingles = new HashSet<>();
    for (Entry entry : selection.operations()) {
      if (entry.selector().single() && !Selection.OVERLAY.equals(entry.from())) {
        sources.get(entry.from()).operations().stream().filter(o -> matches(entry, o))
            .forEach(o -> takenBySingles.add(entry.from() + " " + o.method() + " " + o.path()));
      }
    }
    List<Planned> planned = new ArrayList<>();
    String name = selection.document();
    for (Entry entry : selection.operations()) {
      if (Selection.OVERLAY.equals(entry.from())) {
        planned.add(new Planned(entry, null, null, entry.method(), entry.opPath(), entry.id(), entry.tag()));
        continue;
      }
      SpecDocument source = sources.get(entry.from());
      Selection.Source described = selection.sources().get(entry.from());
      List<SpecDocument.Operation> matches = source.operations().stream().filter(o -> matches(entry, o)).toList();
      if (matches.isEmpty()) {
        problems.add(name + ": " + (entry.id() == null ? "" : "op " + entry.id() + ": ") + "selection entry "
            + entry.describe() + " matches no operation of source " + entry.from() + " (" + described.snapshot() + ")"
            + hint(entry, source) + "; fix the entry, or take the operation from: overlay and add it there");
        continue;
      }
      for (SpecDocument.Operation op : matches) {
        if (!entry.selector().single() && takenBySingles.contains(entry.from() + " " + op.method() + " " + op.path())) {
          continue;
        }
        String id = entry.id() != null ? entry.id() : derivedId(op);
        String tag = entry.tag() != null ? entry.tag() : op.node().path("tags").path(0).asString("");
        if (tag.isEmpty()) {
          problems.add(name + ": op " + id + " (" + op.method() + " " + op.path() + "): the source gives it no tag; "
              + "set tag in its selection entry");
        }
        String path = entry.path() != null ? entry.path() : described.pathPrefix() + op.path();
        planned.add(new Planned(entry, entry.from(), op, op.method(), path, id, tag));
      }
    }
    return planned;
  }

  private static boolean matches(Entry entry, SpecDocument.Operation op) {
    String key = op.method() + " " + op.path();
    if (entry.exclude().contains(key)) {
      return false;
    }
    return switch (entry.selector()) {
      case OP -> entry.method().equals(op.method()) && entry.opPath().equals(op.path());
      case OPERATION_ID -> entry.value().equals(op.node().path("operationId").asString(""));
      case SOURCE_TAG -> {
        for (JsonNode tag : op.node().path("tags")) {
          if (entry.value().equals(tag.asString())) {
            yield true;
          }
        }
        yield false;
      }
      case PATH_PREFIX -> op.path().startsWith(entry.value());
    };
  }

  /** A close match for a mistyped op entry: the same path with other parameter names, or another method. */
  private static String hint(Entry entry, SpecDocument source) {
    if (entry.selector() != Selector.OP) {
      return "";
    }
    String wanted = entry.opPath().replaceAll("\\{[^}]*}", "{}");
    for (SpecDocument.Operation op : source.operations()) {
      if (op.path().replaceAll("\\{[^}]*}", "{}").equals(wanted)) {
        return " (the source has " + op.method() + " " + op.path() + ")";
      }
    }
    return " (the source has no path " + entry.opPath() + ")";
  }

  /** The source's operationId in camelCase ({@code get-organizations} becomes {@code getOrganizations}). */
  static String derivedId(SpecDocument.Operation op) {
    String id = op.node().path("operationId").asString("");
    if (id.isEmpty()) {
      id = op.method().toLowerCase(Locale.ROOT) + op.path();
    }
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : id.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = out.length() > 0;
      }
    }
    return out.isEmpty() ? "" : Character.toLowerCase(out.charAt(0)) + out.substring(1);
  }

  /**
   * Orders the parameters so that the generated method takes them in the order the selection pins.
   * OpenAPI Generator takes parameters in document order, then moves the required ones first; so the
   * pinned parameters are placed in the source's slots (a required slot takes the next pinned required
   * parameter, an optional slot the next pinned optional one), which keeps the query string in the
   * source's order. When the pin cannot hold, because a parameter became required or optional, or the
   * source dropped one, the import stops instead of silently swapping same-typed arguments.
   * Parameters the selection does not pin (new in the source) keep their place; the drift report lists them.
   */
  private static void pinParameters(Planned planned, ObjectNode op, String where, List<String> problems) {
    List<String> pins = planned.entry().params();
    if (pins.isEmpty()) {
      return;
    }
    List<JsonNode> parameters = new ArrayList<>();
    op.path("parameters").forEach(parameters::add);
    Map<String, JsonNode> pinned = new LinkedHashMap<>();
    for (String pin : pins) {
      parameters.stream().filter(p -> pin.equals(p.path("name").asString())
              || pin.equals(p.path("in").asString() + ":" + p.path("name").asString()))
          .findFirst().ifPresent(p -> pinned.put(pin, p));
    }
    List<String> missing = pins.stream().filter(pin -> !pinned.containsKey(pin)).toList();
    if (!missing.isEmpty()) {
      problems.add(where + ": params pins " + missing + ", which the operation does not have (did the source drop "
          + "or rename them?): remove them from params, and from the facades that call the generated method");
      return;
    }
    List<JsonNode> required = new ArrayList<>();
    List<JsonNode> optional = new ArrayList<>();
    pinned.values().forEach(p -> (p.path("required").asBoolean(false) ? required : optional).add(p));
    ArrayNode ordered = JsonTrees.NODES.arrayNode();
    int nextRequired = 0;
    int nextOptional = 0;
    for (JsonNode p : parameters) {
      if (!pinned.containsValue(p)) {
        ordered.add(p);
      } else if (p.path("required").asBoolean(false)) {
        ordered.add(required.get(nextRequired++));
      } else {
        ordered.add(optional.get(nextOptional++));
      }
    }
    op.set("parameters", ordered);
    List<String> generated = new ArrayList<>();
    required.forEach(p -> generated.add(pinOf(pinned, p)));
    optional.forEach(p -> generated.add(pinOf(pinned, p)));
    if (!generated.equals(pins)) {
      problems.add(where + ": the generated method would take its parameters as " + generated + ", not as pinned "
          + pins + " (OpenAPI Generator puts required parameters first; did the source make one required or "
          + "optional?): check every facade call of the method, then pin the new order");
    }
  }

  private static String pinOf(Map<String, JsonNode> pinned, JsonNode parameter) {
    return pinned.entrySet().stream().filter(e -> e.getValue() == parameter).findFirst().orElseThrow().getKey();
  }

  private static void errorResponses(Overlay overlay, String method, ObjectNode op, Set<String> sourceStatuses) {
    ObjectNode responses = JsonTrees.child(op, "responses");
    overlay.errorResponses().forEach((status, error) -> {
      boolean methodMatches = error.methods().isEmpty() || error.methods().contains(method);
      boolean sourceMatches = !error.onlyWhereSourceHasIt() || sourceStatuses.contains(status);
      if (methodMatches && sourceMatches && !responses.has(status)) {
        responses.putObject(status).put("$ref", "#/components/responses/" + error.response());
      }
    });
    List<String> statuses = new ArrayList<>(responses.propertyNames());
    statuses.sort(String::compareTo);
    ObjectNode sorted = JsonTrees.NODES.objectNode();
    statuses.forEach(s -> sorted.set(s, responses.get(s)));
    op.set("responses", sorted);
  }

  /**
   * Derives x-harness-retry-safe and x-harness-paging where the overlay did not set them. For an
   * operation from a source, an overlay value the rules derive anyway is reported, so the overlay
   * only holds what the rules cannot decide.
   */
  private static void extensions(String where, String id, String method, ObjectNode op, PageShapes shapes,
      boolean fromSource, List<String> problems) {
    boolean multipart = op.path("requestBody").path("content").has("multipart/form-data");
    boolean ruleSafe = RETRY_SAFE_METHODS.contains(method) && !multipart;
    if (!op.has(CatalogueBuilder.RETRY_SAFE)) {
      op.put(CatalogueBuilder.RETRY_SAFE, ruleSafe);
    } else if (fromSource && op.get(CatalogueBuilder.RETRY_SAFE).asBoolean() == ruleSafe) {
      problems.add(where + ": the overlay sets " + CatalogueBuilder.RETRY_SAFE + " to what the rule derives ("
          + ruleSafe + "); drop it from the overlay");
    }
    if (!id.startsWith("list")) {
      return;
    }
    JsonNode given = op.get(CatalogueBuilder.PAGING);
    PageShapes.Result derived = shapes.derive(op);
    if (derived.paging().isEmpty() && (given == null || !given.has("shape"))) {
      problems.add(where + ": a list operation (its id starts with 'list') whose paging cannot be derived: it "
          + derived.problem() + ". Add to the overlay: - target: op " + id + " / patch: {x-harness-paging: "
          + "{shape, in, pageParam, sizeParam, items, maxPageSize, maxPageSizeSource}} / reason: ...; a shape the "
          + "runtime does not know needs a new page shape first (README, page shapes); a list answered whole is "
          + "{shape: unpaged, items: \"\"}");
      return;
    }
    if (fromSource && given != null && derived.paging().isPresent()) {
      List<String> redundant = new ArrayList<>();
      given.properties().forEach(e -> {
        if (e.getValue().equals(derived.paging().get().get(e.getKey()))) {
          redundant.add(e.getKey());
        }
      });
      if (!redundant.isEmpty()) {
        problems.add(where + ": the overlay sets " + CatalogueBuilder.PAGING + " " + redundant
            + " to what is derived from the operation anyway; drop them from the overlay");
      }
    }
    JsonNode paging = derived.paging().isPresent()
        ? JsonTrees.mergePatch(derived.paging().get(), given)
        : given;
    ObjectNode result = JsonTrees.ordered((ObjectNode) paging, PAGING_ORDER);
    if (!result.has("items")) {
      problems.add(where + ": its paging " + derived.problem() + " (- target: op " + id
          + " / patch: {x-harness-paging: {items: ...}} / reason: ...)");
    } else if (!shapes.notArrays(op, result.get("items")).isEmpty()) {
      problems.add(where + ": its paging names " + shapes.notArrays(op, result.get("items"))
          + " as item arrays, but its answer has no array there; name the answer's arrays in x-harness-paging.items"
          + " (one path, or a list of them when the items are spread over several arrays)");
    }
    if (!"unpaged".equals(result.path("shape").asString()) && !result.has("maxPageSize")) {
      problems.add(where + ": its page size parameter '" + result.path("sizeParam").asString()
          + "' documents no maximum; add to the overlay: - target: op " + id + " / patch: {x-harness-paging: "
          + "{maxPageSize: N, maxPageSizeSource: conservative}} / reason: where N comes from");
    }
    op.set(CatalogueBuilder.PAGING, result);
  }

  /** A property pair that OpenAPI Generator turns into one Java name, unless the overlay maps one. */
  private static void checkJavaNames(String name, Overlay overlay, Map<String, JsonNode> schemas,
      List<String> problems) {
    schemas.forEach((schemaName, schema) -> {
      Map<String, String> seen = new LinkedHashMap<>();
      for (String property : schema.path("properties").propertyNames()) {
        if (overlay.nameMappings().containsKey(property)) {
          continue;
        }
        String javaName = property.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        String other = seen.putIfAbsent(javaName, property);
        if (other != null) {
          problems.add(name + ": schema " + schemaName + ": properties '" + other + "' and '" + property
              + "' become the same Java name in generated code; leave one out (- target: schema " + schemaName + "."
              + property + " / remove: true / reason: ...) or give one another Java name: nameMappings: {" + property
              + ": ...} in the overlay and the same <nameMapping> in harness-client-generated/pom.xml");
        }
      }
    });
  }

  private static ObjectNode assemble(Overlay overlay, Map<String, Planned> planned, Map<String, ObjectNode> operations,
      Map<String, JsonNode> schemas) {
    ObjectNode document = JsonTrees.NODES.objectNode();
    document.put("openapi", "3.0.3");
    ObjectNode ours = overlay.document();
    for (String key : List.of("info", "servers", "security")) {
      if (ours.has(key)) {
        document.set(key, ours.get(key).deepCopy());
      }
    }
    ArrayNode tags = ours.get("tags") instanceof ArrayNode t ? (ArrayNode) t.deepCopy() : JsonTrees.NODES.arrayNode();
    Set<String> listed = new LinkedHashSet<>();
    tags.forEach(t -> listed.add(t.path("name").asString()));
    operations.values().forEach(op -> op.path("tags").forEach(t -> {
      if (listed.add(t.asString())) {
        tags.addObject().put("name", t.asString());
      }
    }));
    document.set("tags", tags);

    ObjectNode paths = document.putObject("paths");
    operations.forEach((id, op) -> {
      Planned p = planned.get(id);
      ObjectNode item = JsonTrees.child(paths, p.path());
      item.set(p.method().toLowerCase(Locale.ROOT), canonicalOperation(op));
    });
    paths.properties().forEach(e -> {
      ObjectNode item = (ObjectNode) e.getValue();
      e.setValue(JsonTrees.ordered(item, SpecDocument.METHODS));
    });

    ObjectNode components = document.putObject("components");
    ours.path("components").properties().forEach(e -> components.set(e.getKey(), e.getValue().deepCopy()));
    ObjectNode schemaNodes = components.putObject("schemas");
    schemas.forEach((n, s) -> schemaNodes.set(n, canonicalSchema(s)));
    return document;
  }

  private static ObjectNode canonicalOperation(ObjectNode op) {
    ObjectNode out = JsonTrees.ordered(op, OPERATION_ORDER);
    if (out.get("parameters") instanceof ArrayNode parameters) {
      ArrayNode ordered = JsonTrees.NODES.arrayNode();
      parameters.forEach(p -> ordered.add(p.isObject() ? JsonTrees.ordered((ObjectNode) p, PARAMETER_ORDER) : p));
      out.set("parameters", ordered);
    }
    return out;
  }

  private static JsonNode canonicalSchema(JsonNode schema) {
    if (!(schema instanceof ObjectNode object)) {
      return schema;
    }
    ObjectNode out = JsonTrees.ordered(object, SCHEMA_ORDER);
    if (out.get("properties") instanceof ObjectNode properties) {
      ObjectNode ordered = JsonTrees.NODES.objectNode();
      properties.properties().forEach(e -> ordered.set(e.getKey(), canonicalSchema(e.getValue())));
      out.set("properties", ordered);
    }
    for (String key : List.of("items", "additionalProperties")) {
      if (out.get(key) instanceof ObjectNode child) {
        out.set(key, canonicalSchema(child));
      }
    }
    return out;
  }

  /** Every local {@code $ref} of the document must resolve. */
  private static void checkReferences(String name, JsonNode document, List<String> problems) {
    Set<String> broken = new TreeSet<>();
    collectBroken(document, document, broken);
    broken.forEach(ref -> problems.add(name + ": broken $ref " + ref + ": nothing in the document defines it; "
        + "define it in the overlay's document.components, or fix the reference"));
  }

  private static void collectBroken(JsonNode document, JsonNode node, Set<String> broken) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isString() && ref.asString().startsWith("#/")
          && document.at(ref.asString().substring(1)).isMissingNode()) {
        broken.add(ref.asString());
      }
      node.properties().forEach(e -> collectBroken(document, e.getValue(), broken));
    } else if (node.isArray()) {
      node.forEach(item -> collectBroken(document, item, broken));
    }
  }
}
