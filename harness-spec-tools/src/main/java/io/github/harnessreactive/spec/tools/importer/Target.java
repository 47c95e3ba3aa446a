package io.github.harnessreactive.spec.tools.importer;

import java.util.List;
import java.util.Optional;

/**
 * What an overlay change applies to, written as one short phrase:
 *
 * <pre>
 * op listConnectors                      the operation (our operationId)
 * op listConnectors param pageSize       one of its parameters (query:pageSize, header:If-Match when ambiguous)
 * op createPipeline body                 its request body
 * op exportTeamsReport response 200      one of its success responses
 * param accountIdentifier                that parameter in every operation of the document
 * schema Failure                         a schema
 * schema Failure.responseMessages        a property (nested inline objects: schema A.b.c)
 * </pre>
 *
 * @param kind what kind of thing
 * @param operationId the operation, for operation targets
 * @param parameter the parameter ({@code name} or {@code in:name}), for parameter targets
 * @param status the response status, for response targets
 * @param schema the schema name, for schema and property targets
 * @param properties the property path below the schema, for property targets
 */
public record Target(Kind kind, String operationId, String parameter, String status, String schema,
    List<String> properties) {

  /** The kinds of target. */
  public enum Kind {
    /** An operation. */
    OPERATION,
    /** A parameter of one operation. */
    PARAMETER,
    /** A parameter, in every operation that has it. */
    EVERY_PARAMETER,
    /** An operation's request body. */
    BODY,
    /** One of an operation's success responses. */
    RESPONSE,
    /** A schema. */
    SCHEMA,
    /** A property of a schema. */
    PROPERTY
  }

  /** Parses a target phrase; empty when it follows none of the forms above. */
  public static Optional<Target> parse(String phrase) {
    String[] words = phrase.trim().split("\\s+");
    if (words.length == 2 && "op".equals(words[0])) {
      return Optional.of(new Target(Kind.OPERATION, words[1], null, null, null, List.of()));
    }
    if (words.length == 4 && "op".equals(words[0]) && "param".equals(words[2])) {
      return Optional.of(new Target(Kind.PARAMETER, words[1], words[3], null, null, List.of()));
    }
    if (words.length == 3 && "op".equals(words[0]) && "body".equals(words[2])) {
      return Optional.of(new Target(Kind.BODY, words[1], null, null, null, List.of()));
    }
    if (words.length == 4 && "op".equals(words[0]) && "response".equals(words[2])) {
      return Optional.of(new Target(Kind.RESPONSE, words[1], null, words[3], null, List.of()));
    }
    if (words.length == 2 && "param".equals(words[0])) {
      return Optional.of(new Target(Kind.EVERY_PARAMETER, null, words[1], null, null, List.of()));
    }
    if (words.length == 2 && "schema".equals(words[0])) {
      String[] parts = words[1].split("\\.");
      if (parts.length == 1) {
        return Optional.of(new Target(Kind.SCHEMA, null, null, null, parts[0], List.of()));
      }
      return Optional.of(new Target(Kind.PROPERTY, null, null, null, parts[0],
          List.of(parts).subList(1, parts.length)));
    }
    return Optional.empty();
  }

  /** Whether a parameter ({@code in} and {@code name}) is the one this target names. */
  public boolean namesParameter(String in, String name) {
    int colon = parameter.indexOf(':');
    return colon < 0 ? parameter.equals(name) : parameter.equals(in + ":" + name);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case OPERATION -> "op " + operationId;
      case PARAMETER -> "op " + operationId + " param " + parameter;
      case EVERY_PARAMETER -> "param " + parameter;
      case BODY -> "op " + operationId + " body";
      case RESPONSE -> "op " + operationId + " response " + status;
      case SCHEMA -> "schema " + schema;
      case PROPERTY -> "schema " + schema + "." + String.join(".", properties);
    };
  }
}
