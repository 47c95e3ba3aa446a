package io.github.harnessreactive.core;

import java.util.Arrays;

/**
 * The Harness APIs the client speaks, one per OpenAPI document of harness-api-spec, each with its
 * own generated package and its own base URL.
 */
public enum HarnessService {

  /** The Platform NG API ({@code /ng/api}, {@code /pipeline/api}); default server {@code https://app.harness.io}. */
  PLATFORM_NG("platform-ng"),
  /** The Platform v1 API ({@code /v1}); default server {@code https://app.harness.io}. */
  PLATFORM_V1("platform-v1"),
  /** SEI v1; default server {@code https://app.harness.io/prod1/sei/api}. */
  SEI_V1("sei-v1"),
  /** SEI 2.0; default server {@code https://app.harness.io/gateway/sei/api}. */
  SEI_V2("sei-v2");

  private static final String GENERATED = "io.github.harnessreactive.generated.";

  private final String document;

  HarnessService(String document) {
    this.document = document;
  }

  /** The name of its OpenAPI document in harness-api-spec, such as {@code sei-v1}. */
  public String document() {
    return document;
  }

  /** The package its generated classes live under, such as {@code io.github.harnessreactive.generated.sei.v1}. */
  public String generatedPackage() {
    return GENERATED + document.replace('-', '.');
  }

  /**
   * The service a generated class belongs to.
   *
   * @throws IllegalArgumentException when the class is not one of harness-client-generated's
   */
  public static HarnessService of(Class<?> generatedClass) {
    String name = generatedClass.getName();
    return Arrays.stream(values())
        .filter(s -> name.startsWith(s.generatedPackage() + "."))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            name + " is not a generated Harness API class (expected a class under " + GENERATED + ")"));
  }
}
