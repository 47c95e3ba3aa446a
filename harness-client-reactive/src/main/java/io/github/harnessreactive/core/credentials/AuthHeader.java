package io.github.harnessreactive.core.credentials;

import java.util.Objects;

/**
 * The header a credential adds to a request. Its {@code toString()} hides the value.
 *
 * @param name the header name, such as {@code x-api-key} or {@code Authorization}
 * @param value the header value; secret
 */
public record AuthHeader(String name, String value) {

  public AuthHeader {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "AuthHeader[" + name + ": ***]";
  }
}
