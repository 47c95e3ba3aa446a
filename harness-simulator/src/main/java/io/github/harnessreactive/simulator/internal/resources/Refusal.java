package io.github.harnessreactive.simulator.internal.resources;

/** Harness refusing a request about stored resources: answered with the document's error envelope. */
final class Refusal extends RuntimeException {

  private final int status;
  private final String code;

  private Refusal(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** 400 {@code INVALID_REQUEST}: a field is missing or malformed. */
  static Refusal invalid(String message) {
    return new Refusal(400, "INVALID_REQUEST", message);
  }

  /** 404 {@code RESOURCE_NOT_FOUND}. */
  static Refusal notFound(String message) {
    return new Refusal(404, "RESOURCE_NOT_FOUND", message);
  }

  /** 400 {@code DUPLICATE_FIELD}, as Harness answers a second resource with an identifier in use. */
  static Refusal duplicate(String message) {
    return new Refusal(400, "DUPLICATE_FIELD", message);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
