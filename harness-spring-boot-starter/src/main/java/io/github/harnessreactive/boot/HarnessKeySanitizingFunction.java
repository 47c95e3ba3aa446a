package io.github.harnessreactive.boot;

import java.util.List;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks Harness keys in {@code /actuator/configprops} and {@code /actuator/env} whatever
 * {@code show-values} says: an entry is masked when its name is one a key is kept under (see
 * {@link HarnessKeys#isKeyName}) or when its value contains one of the configured keys (a key
 * copied from another variable, {@code harness.api-key=${MY_TOKEN}}, masks {@code MY_TOKEN} too).
 * Everything else is left to the other functions and to Boot.
 */
final class HarnessKeySanitizingFunction implements SanitizingFunction {

  /** Shorter values are not real keys, and matching them inside other values would mask at random. */
  private static final int MIN_KEY_LENGTH = 8;

  private final List<String> keys;

  /** @param keys the configured keys, matched inside values */
  HarnessKeySanitizingFunction(List<String> keys) {
    this.keys = keys.stream().filter(key -> key.length() >= MIN_KEY_LENGTH).toList();
  }

  @Override
  public SanitizableData apply(SanitizableData data) {
    return HarnessKeys.isKeyName(data.getKey()) || holdsKey(data.getValue()) ? data.withSanitizedValue() : data;
  }

  private boolean holdsKey(Object value) {
    if (!(value instanceof CharSequence text)) {
      return false;
    }
    String string = text.toString();
    return keys.stream().anyMatch(string::contains);
  }

  @Override
  public String toString() {
    return "HarnessKeySanitizingFunction[" + keys.size() + " key(s)]";
  }
}
