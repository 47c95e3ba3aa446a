package io.github.harnessreactive.generated;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON fixtures and checks that an encoded model gives back what the fixture said. */
final class Fixtures {

  private static final JsonMapper TREES = JsonMapper.builder().build();

  private Fixtures() {
  }

  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every value the fixture gives is in the encoded JSON with the same value, except the fields
   * named in {@code unknown} (fields no document declares, which decoding must skip). Fields the
   * fixture leaves out may be encoded as null.
   */
  static void assertEncodesBack(String fixture, String encoded, Set<String> unknown) {
    assertContains("$", TREES.readTree(fixture), TREES.readTree(encoded), unknown);
  }

  private static void assertContains(String path, JsonNode expected, JsonNode actual, Set<String> unknown) {
    if (expected.isObject()) {
      assertThat(actual.isObject()).as(path + " is an object").isTrue();
      for (Map.Entry<String, JsonNode> field : expected.properties()) {
        String child = path + "." + field.getKey();
        if (unknown.contains(field.getKey())) {
          assertThat(actual.has(field.getKey())).as(child + " is not a declared field").isFalse();
        } else if (!field.getValue().isNull()) {
          assertThat(actual.has(field.getKey())).as(child + " encoded").isTrue();
          assertContains(child, field.getValue(), actual.get(field.getKey()), unknown);
        }
      }
    } else if (expected.isArray()) {
      assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertContains(path + "[" + i + "]", expected.get(i), actual.get(i), unknown);
      }
    } else if (expected.isNumber()) {
      assertThat(actual.decimalValue()).as(path).isEqualByComparingTo(expected.decimalValue());
    } else {
      assertThat(actual).as(path).isEqualTo(expected);
    }
  }
}
