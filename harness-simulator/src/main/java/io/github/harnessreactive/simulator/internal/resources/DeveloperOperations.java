package io.github.harnessreactive.simulator.internal.resources;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.harnessreactive.simulator.ResourceType;
import io.github.harnessreactive.simulator.internal.Call;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SEI 2.0 developer records ({@code /v2/developers}), keyed by e-mail (case-insensitive), at
 * account level. An upsert changes the fields it sends and keeps the others; a batch with a record
 * without an e-mail, or with one e-mail twice, is refused whole with SEI's validation errors. A
 * delete removes the e-mails it knows and reports the others as {@code EMAIL_DOES_NOT_EXIST}. The
 * initial CSV upload is not required first (SEI answers 412 until it is done).
 */
final class DeveloperOperations {

  private static final List<String> ACCOUNT = List.of();
  private static final int SAMPLES = 3;

  private DeveloperOperations() {
  }

  static void register(Crud crud, StatefulAnswers answers) {
    Dialect dialect = new Dialect(ResourceType.DEVELOPER, "Developer", call -> ACCOUNT, call -> null, call -> null,
        StoredResource::fields);
    answers.on("sei-v2", "upsertDevelopers", call -> upsert(crud, call));
    answers.on("sei-v2", "deleteDevelopers", call -> delete(crud, call));
    answers.on("sei-v2", "listDevelopers", crud.list(dialect, filtered(crud, call -> call.queryValues("emails"),
        call -> call.query("searchKey").orElse(null), call -> call.query("searchValue").orElse(null))));
    answers.on("sei-v2", "listDevelopersBySearch", crud.list(dialect, filtered(crud, call -> strings(call.json().path("emails")),
        call -> Crud.text(call.json(), "searchKey"), call -> Crud.text(call.json(), "searchValue"))));
  }

  private static ResponseDefinitionBuilder upsert(Crud crud, Call call) {
    JsonNode records = call.json();
    if (!records.isArray()) {
      throw Refusal.invalid("request body: must be a list of developer records");
    }
    List<ObjectNode> missing = new ArrayList<>();
    Map<String, ObjectNode> byEmail = new LinkedHashMap<>();
    Set<String> repeated = new HashSet<>();
    for (JsonNode record : records) {
      String email = Crud.text(record, "email");
      if (!(record instanceof ObjectNode object) || email == null) {
        missing.add(record instanceof ObjectNode object ? object : Views.object());
      } else if (byEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), object) != null) {
        repeated.add(email);
      }
    }
    ArrayNode errors = Views.NODES.arrayNode();
    if (!missing.isEmpty()) {
      ObjectNode error = errors.addObject();
      error.put("errorType", "REQUIRED_VALUE_MISSING");
      error.put("fieldName", "email");
      error.put("message", "Email is required for every developer");
      error.put("errorDeveloperCount", missing.size());
      ArrayNode samples = error.putArray("sampleErrorDevelopers");
      missing.stream().limit(SAMPLES).forEach(samples::add);
    }
    if (!repeated.isEmpty()) {
      ObjectNode error = errors.addObject();
      error.put("errorType", "DUPLICATE_EMAIL");
      error.put("fieldName", "email");
      error.put("message", "The same email appears more than once");
      error.put("errorDeveloperCount", repeated.size());
      ArrayNode emails = error.putArray("invalidEmails");
      repeated.stream().sorted().forEach(emails::add);
    }
    if (errors.isEmpty()) {
      for (Map.Entry<String, ObjectNode> record : byEmail.entrySet()) {
        ObjectNode merged = crud.store().get(ResourceType.DEVELOPER, ACCOUNT, record.getKey())
            .map(old -> old.fields().deepCopy()).orElseGet(Views::object);
        merged.setAll(record.getValue());
        crud.store().put(ResourceType.DEVELOPER, ACCOUNT, record.getKey(), merged);
      }
    }
    return crud.answers().render(call, outcome(errors));
  }

  private static ResponseDefinitionBuilder delete(Crud crud, Call call) {
    ArrayNode unknown = Views.NODES.arrayNode();
    for (String email : strings(call.json().path("emails"))) {
      if (crud.store().delete(ResourceType.DEVELOPER, ACCOUNT, email).isEmpty()) {
        unknown.add(email);
      }
    }
    ArrayNode errors = Views.NODES.arrayNode();
    if (!unknown.isEmpty()) {
      ObjectNode error = errors.addObject();
      error.put("errorType", "EMAIL_DOES_NOT_EXIST");
      error.put("fieldName", "email");
      error.put("message", "No developer has this email");
      error.put("errorDeveloperCount", unknown.size());
      error.set("invalidEmails", unknown);
    }
    return crud.answers().render(call, outcome(errors));
  }

  private static ObjectNode outcome(ArrayNode errors) {
    ObjectNode outcome = Views.object();
    outcome.put("status", errors.isEmpty() ? "SUCCESS" : "FAILURE");
    outcome.set("errors", errors);
    return outcome;
  }

  /** The developers with one of the e-mails (when any are given) whose search field contains the search value. */
  private static Function<Call, List<StoredResource>> filtered(Crud crud, Function<Call, List<String>> emails,
      Function<Call, String> searchKey, Function<Call, String> searchValue) {
    return call -> {
      Set<String> wanted = new HashSet<>();
      emails.apply(call).forEach(e -> wanted.add(e.toLowerCase(Locale.ROOT)));
      String key = searchKey.apply(call);
      String value = searchValue.apply(call);
      return crud.store().list(ResourceType.DEVELOPER, ACCOUNT).stream()
          .filter(d -> wanted.isEmpty() || wanted.contains(d.key()))
          .filter(d -> key == null || value == null || (d.text(key) != null
              && d.text(key).toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))))
          .toList();
    };
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }
}
