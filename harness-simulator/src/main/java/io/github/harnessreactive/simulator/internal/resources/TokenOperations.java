package io.github.harnessreactive.simulator.internal.resources;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.harnessreactive.simulator.ResourceType;
import io.github.harnessreactive.simulator.SimulatorOptions;
import io.github.harnessreactive.simulator.internal.Call;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tokens of API keys over the NG API ({@code /ng/api/token}), at their key's scope (named by the
 * body on create and update, by the query elsewhere). Creating one answers a new token in Harness's
 * form ({@code sat.<account>.<tokenId>.<secret>}, {@code pat.} for a user's key), once; it
 * authenticates requests until the token is deleted, after which it is refused as Harness refuses an
 * unknown one (401 {@code INVALID_TOKEN}). Rotating one issues a new token for the same key under
 * the identifier {@code <old>_rotated_<n>}; the simulator does not expire the old one at
 * {@code rotateTimestamp}. The store keeps a SHA-256 digest of each token, never the token, and
 * listings never show either. Tokens are not checked against API keys or service accounts.
 */
final class TokenOperations {

  /** Stored with each token: the digest requests are matched against. */
  static final String DIGEST = "tokenDigest";

  private TokenOperations() {
  }

  static void register(Crud crud, StatefulAnswers answers) {
    Dialect byQuery = new Dialect(ResourceType.TOKEN, "Token",
        call -> ConnectorOperations.scope(call.query("orgIdentifier").orElse(null), call.query("projectIdentifier").orElse(null)),
        // creates and updates read the body themselves (the token's scope is in it, and its digest is kept)
        call -> call.path("identifier"), call -> null, TokenOperations::view);
    answers.on("platform-ng", "createToken", call -> issue(crud, call, bodyScope(call), body(call)));
    answers.on("platform-ng", "rotateToken", call -> rotate(crud, call, byQuery));
    answers.on("platform-ng", "updateToken", call -> {
      ObjectNode token = body(call);
      token.put("identifier", call.path("identifier"));
      StoredResource old = crud.store().get(ResourceType.TOKEN, bodyScope(call), call.path("identifier"))
          .orElseThrow(() -> Refusal.notFound("Token [" + call.path("identifier") + "] not found"));
      token.set(DIGEST, old.fields().get(DIGEST));
      return crud.answers().render(call, publicFields(crud.store().replace(ResourceType.TOKEN, old.scope(), old.key(), token)
          .orElseThrow()));
    });
    answers.on("platform-ng", "deleteToken", crud.delete(byQuery));
    answers.on("platform-ng", "listTokens", crud.list(byQuery, ofKey(crud, byQuery)));
  }

  /** Whether a credential is a token the store issued and still holds. */
  static boolean accepted(ResourceStore store, String credential) {
    String digest = digest(credential);
    return store.listAll(ResourceType.TOKEN).stream().anyMatch(t -> digest.equals(t.text(DIGEST)));
  }

  private static ResponseDefinitionBuilder issue(Crud crud, Call call,
      List<String> scope, ObjectNode token) {
    String identifier = Crud.text(token, "identifier");
    if (identifier == null || !Crud.IDENTIFIER.matcher(identifier).matches()) {
      throw Refusal.invalid("identifier: must match " + Crud.IDENTIFIER.pattern());
    }
    crud.requireScope(scope);
    long number = crud.store().nextNumber();
    String value = tokenValue(token, call.query("accountIdentifier").orElse(SimulatorOptions.DEMO_ACCOUNT), number);
    token.put(DIGEST, digest(value));
    crud.store().create(ResourceType.TOKEN, scope, identifier, token)
        .orElseThrow(() -> Refusal.duplicate("Token [" + identifier + "]" + Crud.where(scope) + " already exists"));
    return crud.answers().render(call, Views.NODES.stringNode(value));
  }

  private static ResponseDefinitionBuilder rotate(Crud crud, Call call, Dialect dialect) {
    StoredResource old = crud.require(dialect, call);
    ObjectNode token = publicFields(old);
    token.put("identifier", old.key() + "_rotated_" + crud.store().nextNumber());
    return issue(crud, call, old.scope(), token);
  }

  private static Function<Call, List<StoredResource>> ofKey(Crud crud, Dialect dialect) {
    return call -> crud.inScope(dialect).apply(call).stream()
        .filter(t -> call.query("apiKeyIdentifier").map(k -> k.equals(t.text("apiKeyIdentifier"))).orElse(true))
        .filter(t -> call.query("parentIdentifier").map(p -> p.equals(t.text("parentIdentifier"))).orElse(true))
        .toList();
  }

  private static ObjectNode body(Call call) {
    if (!(call.json() instanceof ObjectNode token)) {
      throw Refusal.invalid("request body: the token must not be empty");
    }
    return token.deepCopy();
  }

  private static List<String> bodyScope(Call call) {
    return ConnectorOperations.scope(Crud.text(call.json(), "orgIdentifier"), Crud.text(call.json(), "projectIdentifier"));
  }

  /** {@code sat.<account>.<tokenId>.<secret>}: a user's key gives {@code pat.}; the same requests give the same token. */
  private static String tokenValue(ObjectNode token, String account, long number) {
    String type = "USER".equals(Crud.text(token, "apiKeyType")) ? "pat" : "sat";
    String tokenId = String.format(Locale.ROOT, "simToken%014d", number);
    String secret = digest("simulator token " + number).substring(0, 20);
    return type + "." + account + "." + tokenId + "." + secret;
  }

  private static ObjectNode publicFields(StoredResource token) {
    ObjectNode fields = token.fields().deepCopy();
    fields.remove(DIGEST);
    return fields;
  }

  private static JsonNode view(StoredResource token) {
    ObjectNode view = Views.object();
    view.set("token", publicFields(token));
    view.put("createdAt", token.createdAt());
    view.put("lastModifiedAt", token.updatedAt());
    JsonNode validTo = token.fields().get("validTo");
    view.put("expiryAt", validTo != null && validTo.canConvertToLong() ? validTo.asLong() : Long.MAX_VALUE);
    return view;
  }

  static String digest(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(Objects.requireNonNull(text).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
