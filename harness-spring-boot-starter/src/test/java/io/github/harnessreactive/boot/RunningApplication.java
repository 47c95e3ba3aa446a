package io.github.harnessreactive.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A real WebFlux application on a random port with everything its class path auto-configures
 * (actuator included), as a user's application would run; its endpoints are read over HTTP.
 */
final class RunningApplication implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final ConfigurableApplicationContext context;
  private final String baseUrl;

  private RunningApplication(ConfigurableApplicationContext context) {
    this.context = context;
    this.baseUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /**
   * Starts the application.
   *
   * @param environmentVariables entries of an extra system-environment property source, as the
   *     process environment would hold them
   * @param properties {@code key=value} application properties
   */
  static RunningApplication start(Map<String, Object> environmentVariables, String... properties) {
    ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
        .web(WebApplicationType.REACTIVE)
        .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off")
        .properties(properties)
        .initializers(c -> c.getEnvironment().getPropertySources()
            .addFirst(new SystemEnvironmentPropertySource("testEnvironment", environmentVariables)))
        .run();
    return new RunningApplication(context);
  }

  ConfigurableApplicationContext context() {
    return context;
  }

  /** The body of a GET, whatever its status. */
  String get(String path) {
    return send(path).body();
  }

  /** A GET, with its status and body. */
  HttpResponse<String> send(String path) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET().build();
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    context.close();
  }

  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Application {
  }
}
