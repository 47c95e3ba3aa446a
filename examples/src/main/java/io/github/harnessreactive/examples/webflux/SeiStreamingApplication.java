package io.github.harnessreactive.examples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A reactive Spring application that streams SEI pull requests to its own clients as NDJSON or
 * server-sent events, with backpressure from its client's socket all the way to Harness: a slow
 * client makes the application fetch pages more slowly, and a client that goes away stops the
 * fetching. The starter configures the {@code SeiClient} from {@code harness.*} properties; with
 * none set, the application starts an embedded Harness simulator and streams from it.
 */
@SpringBootApplication
public class SeiStreamingApplication {

  public static void main(String[] args) {
    start(args);
  }

  /**
   * Starts the application.
   *
   * @param args Spring Boot's command-line arguments ({@code --server.port=0}...)
   * @return the running application; close it to stop it (and its embedded simulator)
   */
  public static ConfigurableApplicationContext start(String... args) {
    SpringApplication application = new SpringApplication(SeiStreamingApplication.class);
    application.addListeners(new EmbeddedHarness());
    return application.run(args);
  }
}
