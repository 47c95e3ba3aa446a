package io.github.harnessreactive.boot;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The properties that hold Harness keys, read as data: bound with Boot's {@link Binder} (the same
 * relaxed names and lenient placeholders as {@link HarnessProperties}), never evaluated, never
 * resolved strictly (a strict placeholder failure would quote the value), never put in a message.
 */
final class HarnessKeys {

  /** The Platform/SEI 2.0 key property. */
  static final String API_KEY = "harness.api-key";
  /** The SEI v1 key property. */
  static final String SEI_V1_API_KEY = "harness.sei.v1-api-key";

  /**
   * Every name under which a key is expected, normalised by {@link #normalise}: the two properties
   * in any of their relaxed forms ({@code harness.apiKey}, {@code HARNESS_SEI_V1APIKEY}...) and the
   * environment variables our documentation sets them from, {@code HARNESS_API_KEY} and
   * {@code HARNESS_SEI_V1_KEY}.
   */
  private static final Set<String> NAMES = Set.of(normalise(API_KEY), normalise(SEI_V1_API_KEY),
      normalise("HARNESS_SEI_V1_KEY"));

  private HarnessKeys() {
  }

  /** Whether any of the properties holds a non-blank value. */
  static boolean anySet(Environment environment, String... properties) {
    Binder binder = Binder.get(environment);
    for (String property : properties) {
      if (binder.bind(property, String.class).map(value -> !value.isBlank()).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /** The non-blank values of both key properties. */
  static List<String> values(Environment environment) {
    Binder binder = Binder.get(environment);
    return List.of(API_KEY, SEI_V1_API_KEY).stream()
        .map(property -> binder.bind(property, String.class).orElse(null))
        .filter(Objects::nonNull).map(String::strip).filter(value -> !value.isEmpty()).toList();
  }

  /** Whether a property or environment variable name is one a key is kept under. */
  static boolean isKeyName(String name) {
    return NAMES.contains(normalise(name));
  }

  /** Lower case, letters and digits only: {@code HARNESS_API_KEY}, {@code harness.apiKey} and {@code harness.api-key} agree. */
  private static String normalise(String name) {
    StringBuilder normalised = new StringBuilder(name.length());
    name.toLowerCase(Locale.ROOT).chars().filter(Character::isLetterOrDigit).forEach(c -> normalised.append((char) c));
    return normalised.toString();
  }
}
