package io.github.harnessreactive.sei.v2;

/**
 * How developer records are cut into upsert requests.
 *
 * @param maxRecords records per request at most
 * @param maxCharacters characters of JSON per request at most; Harness treats requests over
 *     500,000 characters as large (one every 10 seconds), so the default stays under that
 */
public record UpsertOptions(int maxRecords, int maxCharacters) {

  /** Harness's threshold for large requests. */
  public static final int LARGE_REQUEST_CHARACTERS = 500_000;

  public UpsertOptions {
    if (maxRecords <= 0 || maxCharacters <= 2) {
      throw new IllegalArgumentException("maxRecords and maxCharacters must be positive");
    }
  }

  /** 1,000 records and 450,000 characters per request: under the large-request threshold with a margin. */
  public static UpsertOptions defaults() {
    return new UpsertOptions(1000, 450_000);
  }
}
