package io.github.harnessreactive.simulator.internal.recording;

import io.github.harnessreactive.simulator.internal.CredentialHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Turns one recorded stub (WireMock's JSON) into one safe to commit, before it is written:
 * <ul>
 *   <li>credential request headers and credential or session response headers are removed;</li>
 *   <li>JSON fields whose name says they hold a secret ({@code password}, {@code token},
 *       {@code apiKey}..., and a Harness secret's {@code value} beside its {@code valueType}) are
 *       replaced in response bodies; a request body pattern that held one is dropped, so the stub
 *       matches on method and URL;</li>
 *   <li>every credential value seen, and anything shaped like a Harness PAT or SAT, is replaced
 *       wherever it appears (URL, headers, bodies, base64 bodies);</li>
 *   <li>optionally, every account id seen is replaced by a placeholder account.</li>
 * </ul>
 * As a last guard, a result that still contains a credential value is refused.
 */
public final class StubRedactor {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final Pattern TOKEN = Pattern.compile("\\b(pat|sat)\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  private static final Set<String> SECRET_FIELDS = Set.of("password", "passwd", "secret", "secretvalue", "token",
      "accesstoken", "access_token", "refreshtoken", "refresh_token", "apikey", "api_key", "x-api-key", "clientsecret",
      "client_secret", "privatekey", "private_key", "passphrase", "encryptedvalue", "sshkey");
  /** Account ids shorter than this are not replaced, so a short one cannot mangle unrelated text. */
  private static final int SHORTEST_ACCOUNT = 6;

  private final Map<String, String> replacements = new LinkedHashMap<>();
  private final List<String> secrets;

  /**
   * @param secrets values to remove wherever they appear
   * @param accounts account ids to replace
   * @param accountReplacement what replaces them; {@code null} to keep account ids
   */
  public StubRedactor(Set<String> secrets, Set<String> accounts, String accountReplacement) {
    this.secrets = secrets.stream().filter(s -> s.length() >= 4).sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
    this.secrets.forEach(s -> replacements.put(s, CredentialHeaders.REDACTED));
    if (accountReplacement != null) {
      accounts.stream().filter(a -> a.length() >= SHORTEST_ACCOUNT && !a.equals(accountReplacement))
          .sorted(Comparator.comparingInt(String::length).reversed())
          .forEach(a -> replacements.putIfAbsent(a, accountReplacement));
    }
  }

  /**
   * The stub, redacted.
   *
   * @param stub WireMock's JSON of one stub mapping
   * @return the JSON to write
   * @throws IllegalStateException when a credential would still be in the result (nothing may be written then)
   */
  public String redact(String stub) {
    ObjectNode root = (ObjectNode) JSON.readTree(stub);
    ObjectNode request = root.path("request") instanceof ObjectNode r ? r : root.putObject("request");
    ObjectNode response = root.path("response") instanceof ObjectNode r ? r : root.putObject("response");
    removeHeaders(request.path("headers"), CredentialHeaders.REQUEST);
    removeHeaders(response.path("headers"), CredentialHeaders.RESPONSE);
    redactBodyPatterns(request);
    redactBody(response);
    JsonNode cleaned = replaceStrings(root);
    String text = PRETTY.writeValueAsString(cleaned);
    for (String secret : secrets) {
      if (text.contains(secret)) {
        throw new IllegalStateException("a credential survived redaction of a recorded stub; nothing was written");
      }
    }
    return text;
  }

  private static void removeHeaders(JsonNode headers, Set<String> names) {
    if (headers instanceof ObjectNode object) {
      object.propertyNames().stream().filter(n -> names.contains(n.toLowerCase(Locale.ROOT))).toList()
          .forEach(object::remove);
    }
  }

  /** Drops each request body pattern that held a secret field. */
  private static void redactBodyPatterns(ObjectNode request) {
    if (!(request.path("bodyPatterns") instanceof ArrayNode patterns)) {
      return;
    }
    for (Iterator<JsonNode> it = patterns.iterator(); it.hasNext(); ) {
      JsonNode pattern = it.next();
      JsonNode expected = pattern.path("equalToJson");
      JsonNode json = expected.isString() ? parse(expected.asString()) : expected;
      if (json != null && !json.isMissingNode() && redactFields(json.deepCopy())) {
        it.remove();
      }
    }
    if (patterns.isEmpty()) {
      request.remove("bodyPatterns");
    }
  }

  private static void redactBody(ObjectNode response) {
    JsonNode body = response.get("body");
    if (body != null && body.isString()) {
      JsonNode json = parse(body.asString());
      if (json != null && redactFields(json)) {
        response.put("body", JSON.writeValueAsString(json));
      }
    }
    if (response.get("jsonBody") != null) {
      redactFields(response.get("jsonBody"));
    }
  }

  /** Replaces the values of secret fields in place; whether any was found. */
  private static boolean redactFields(JsonNode node) {
    boolean found = false;
    if (node instanceof ObjectNode object) {
      for (String name : new ArrayList<>(object.propertyNames())) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean secretValue = lower.equals("value") && object.has("valueType");
        if ((SECRET_FIELDS.contains(lower) || secretValue) && object.get(name).isValueNode() && !object.get(name).isNull()) {
          object.put(name, CredentialHeaders.REDACTED);
          found = true;
        } else {
          found |= redactFields(object.get(name));
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (JsonNode element : array) {
        found |= redactFields(element);
      }
    }
    return found;
  }

  /** Every string of the tree with credential values, tokens and account ids replaced; base64 bodies decoded for it. */
  private JsonNode replaceStrings(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (String name : new ArrayList<>(object.propertyNames())) {
        JsonNode value = object.get(name);
        if (name.equals("base64Body") && value.isString()) {
          byte[] bytes = Base64.getDecoder().decode(value.asString());
          String text = new String(bytes, StandardCharsets.ISO_8859_1);
          object.put(name, Base64.getEncoder().encodeToString(replace(text).getBytes(StandardCharsets.ISO_8859_1)));
        } else {
          object.set(name, replaceStrings(value));
        }
      }
      return object;
    }
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, replaceStrings(array.get(i)));
      }
      return array;
    }
    return node instanceof StringNode text ? JsonNodeFactory.instance.stringNode(replace(text.asString())) : node;
  }

  private String replace(String text) {
    String result = text;
    for (Map.Entry<String, String> replacement : replacements.entrySet()) {
      result = result.replace(replacement.getKey(), replacement.getValue());
    }
    Matcher tokens = TOKEN.matcher(result);
    return tokens.find() ? tokens.replaceAll("$1." + CredentialHeaders.REDACTED) : result;
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JacksonException e) {
      return null;
    }
  }
}
