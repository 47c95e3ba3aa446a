package io.github.harnessreactive.spec;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates an OpenAPI document with swagger-parser, the parser OpenAPI Generator itself uses, and
 * the few rules of ours the parser does not know (version 3.0.3, every reference resolvable).
 */
final class SpecValidator {

  private SpecValidator() {
  }

  /** The problems found in the document; empty when it is valid. */
  static List<String> problems(Path document) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readLocation(document.toUri().toString(), null, options);
    List<String> problems = new ArrayList<>();
    if (result.getMessages() != null) {
      problems.addAll(result.getMessages());
    }
    if (result.getOpenAPI() == null) {
      problems.add("not an OpenAPI document");
    } else if (!"3.0.3".equals(result.getOpenAPI().getOpenapi())) {
      problems.add("openapi must be 3.0.3, is " + result.getOpenAPI().getOpenapi());
    }
    return problems;
  }
}
