package io.github.harnessreactive.simulator.internal.resources;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.harnessreactive.simulator.internal.Answers;
import io.github.harnessreactive.simulator.internal.Call;
import io.github.harnessreactive.simulator.internal.Pages;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Create, read, update, delete and list over the store, for any kind and dialect, with Harness's
 * answers: a duplicate identifier is a 400 {@code DUPLICATE_FIELD}, a missing resource or parent
 * a 404, an identifier that breaks Harness's pattern a 400 {@code INVALID_REQUEST}.
 */
final class Crud {

  /** Harness's identifier pattern, as the reference documents give it on the model fields. */
  static final Pattern IDENTIFIER = Pattern.compile("^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$");

  private final ResourceStore store;
  private final Answers answers;
  private final Pages pages;

  Crud(ResourceStore store, Answers answers, Pages pages) {
    this.store = store;
    this.answers = answers;
    this.pages = pages;
  }

  ResourceStore store() {
    return store;
  }

  Answers answers() {
    return answers;
  }

  Pages pages() {
    return pages;
  }

  Function<Call, ResponseDefinitionBuilder> create(Dialect dialect) {
    return call -> {
      List<String> scope = dialect.scope().apply(call);
      ObjectNode entity = entity(dialect, call);
      String identifier = text(entity, dialect.type().keyField());
      if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
        throw Refusal.invalid("identifier: must match " + IDENTIFIER.pattern());
      }
      requireScope(scope);
      StoredResource created = store.create(dialect.type(), scope, identifier, entity)
          .orElseThrow(() -> Refusal.duplicate(dialect.noun() + " [" + identifier + "]" + where(scope) + " already exists"));
      return answers.render(call, dialect.view().apply(created));
    };
  }

  Function<Call, ResponseDefinitionBuilder> get(Dialect dialect) {
    return call -> answers.render(call, dialect.view().apply(require(dialect, call)));
  }

  Function<Call, ResponseDefinitionBuilder> update(Dialect dialect) {
    return call -> {
      List<String> scope = dialect.scope().apply(call);
      String identifier = dialect.identifier().apply(call);
      ObjectNode entity = entity(dialect, call);
      entity.put(dialect.type().keyField(), identifier);
      StoredResource updated = store.replace(dialect.type(), scope, identifier, entity)
          .orElseThrow(() -> missing(dialect, scope, identifier));
      return answers.render(call, dialect.view().apply(updated));
    };
  }

  Function<Call, ResponseDefinitionBuilder> delete(Dialect dialect) {
    return call -> {
      List<String> scope = dialect.scope().apply(call);
      String identifier = dialect.identifier().apply(call);
      StoredResource deleted = store.delete(dialect.type(), scope, identifier)
          .orElseThrow(() -> missing(dialect, scope, identifier));
      return answers.render(call, dialect.view().apply(deleted));
    };
  }

  /** A list of the resources a source picks for the request, in creation order, paged as the operation pages. */
  Function<Call, ResponseDefinitionBuilder> list(Dialect dialect, Function<Call, List<StoredResource>> source) {
    return call -> pages.page(call, source.apply(call).stream().map(dialect.view()).toList(), Map.of());
  }

  /** The resources of the scope the request names. */
  Function<Call, List<StoredResource>> inScope(Dialect dialect) {
    return call -> store.list(dialect.type(), dialect.scope().apply(call));
  }

  /** An operation about an existing resource that changes nothing (a connection test, a run): 404 when it is missing. */
  Function<Call, ResponseDefinitionBuilder> whenExists(Dialect dialect, Function<Call, ResponseDefinitionBuilder> then) {
    return call -> {
      require(dialect, call);
      return then.apply(call);
    };
  }

  /** The resource the request names; 404 when it is missing. */
  StoredResource require(Dialect dialect, Call call) {
    List<String> scope = dialect.scope().apply(call);
    String identifier = dialect.identifier().apply(call);
    if (identifier == null) {
      throw Refusal.invalid("identifier: must not be empty");
    }
    return store.get(dialect.type(), scope, identifier).orElseThrow(() -> missing(dialect, scope, identifier));
  }

  /** 404 unless the organization or project exists. */
  void requireScope(List<String> scope) {
    if (!store.scopeExists(scope)) {
      throw scope.size() == 1
          ? Refusal.notFound("Organization [" + scope.get(0) + "] not found")
          : Refusal.notFound("Project [" + scope.get(1) + "] in organization [" + scope.get(0) + "] not found");
    }
  }

  private static ObjectNode entity(Dialect dialect, Call call) {
    ObjectNode entity = dialect.entity().apply(call);
    if (entity == null) {
      throw Refusal.invalid("request body: the " + dialect.noun().toLowerCase(java.util.Locale.ROOT) + " must not be empty");
    }
    return entity;
  }

  private static Refusal missing(Dialect dialect, List<String> scope, String identifier) {
    return Refusal.notFound(dialect.noun() + " [" + identifier + "]" + where(scope) + " not found");
  }

  /** Where a scope is, for messages: {@code " in organization [o]"}, {@code " in project [p] of organization [o]"}. */
  static String where(List<String> scope) {
    return switch (scope.size()) {
      case 0 -> "";
      case 1 -> " in organization [" + scope.get(0) + "]";
      default -> " in project [" + scope.get(1) + "] of organization [" + scope.get(0) + "]";
    };
  }

  /** A text field of an object, or {@code null}. */
  static String text(JsonNode object, String field) {
    JsonNode value = object == null ? null : object.get(field);
    return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
  }

  /** An object field of the body, copied; {@code null} when absent. */
  static ObjectNode bodyObject(Call call, String field) {
    JsonNode node = call.json().path(field);
    return node instanceof ObjectNode object ? object.deepCopy() : null;
  }
}
