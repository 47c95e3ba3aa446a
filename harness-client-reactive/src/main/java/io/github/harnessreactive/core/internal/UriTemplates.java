package io.github.harnessreactive.core.internal;

import org.springframework.web.reactive.function.client.WebClient;

/** The request attribute in which WebClient, and so the generated code, keeps the URI template. */
final class UriTemplates {

  /** Spring's name for it; the generated {@code ApiClient} sets it to the operation's path template. */
  static final String ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

  private UriTemplates() {
  }
}
