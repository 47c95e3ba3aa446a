package io.github.harnessreactive.core.paging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a consumer of a listing stands, as it wants it kept: the {@linkplain Page#continuationToken()
 * continuation token} of the last page whose output it has made durable, and the string attributes
 * it needs to resume its own work (a byte offset in an output file, a record count, a fingerprint
 * of the query and base URL...). Immutable; {@code toString()} shows the attributes, never the token.
 *
 * @param continuationToken the token that resumes the listing after that page
 * @param attributes the consumer's own values
 */
public record Checkpoint(String continuationToken, Map<String, String> attributes) {

  /**
   * @throws NullPointerException when the token, the attributes, or one of their names or values is {@code null}
   */
  public Checkpoint {
    Objects.requireNonNull(continuationToken, "continuationToken");
    attributes = Map.copyOf(attributes);
  }

  /**
   * A checkpoint of a token alone.
   *
   * @throws NullPointerException when the token is {@code null}
   */
  public static Checkpoint of(String continuationToken) {
    return new Checkpoint(continuationToken, Map.of());
  }

  /**
   * This checkpoint with one more attribute (replacing one of the same name).
   *
   * @throws NullPointerException when the name or the value is {@code null}
   */
  public Checkpoint withAttribute(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(attributes);
    more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new Checkpoint(continuationToken, more);
  }

  /** One attribute, if present. */
  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  @Override
  public String toString() {
    return "Checkpoint[attributes=" + attributes + "]";
  }
}
