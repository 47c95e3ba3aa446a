package io.github.harnessreactive.core.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

/** The JSON mapper the runtime reads and writes the generated models with. */
final class Mappers {

  private Mappers() {
  }

  /**
   * The generated client's own mapper (RFC 3339 dates, unknown properties ignored), writing only
   * the properties that are set: a partial model sent in an update must not clear, with explicit
   * nulls, the fields it leaves out.
   */
  static JsonMapper forGeneratedModels() {
    return io.github.harnessreactive.generated.platform.ng.invoker.ApiClient.createDefaultMapper(null).rebuild()
        .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
        .build();
  }
}
