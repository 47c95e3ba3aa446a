package io.github.harnessreactive.simulator.internal.resources;

import io.github.harnessreactive.simulator.internal.Call;
import java.util.Locale;

/** The {@code searchTerm} filter of Platform lists: the identifier or the name contains it, ignoring case. */
final class SearchTerm {

  private SearchTerm() {
  }

  /** Whether a resource passes the request's search term; true when it has none. */
  static boolean matches(Call call, StoredResource resource) {
    return call.query("searchTerm").map(term -> {
      String lower = term.toLowerCase(Locale.ROOT);
      return contains(resource.text("identifier"), lower) || contains(resource.text("name"), lower);
    }).orElse(true);
  }

  private static boolean contains(String value, String lowerTerm) {
    return value != null && value.toLowerCase(Locale.ROOT).contains(lowerTerm);
  }
}
