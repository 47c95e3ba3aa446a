package io.github.harnessreactive.examples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A reactive Spring application that streams SEI pull requests to its own clients as NDJSON or
 * server-sent events, with backpressure from its client's socket all the way to Harness: a slow
 * client makes the application fetch pages more slowly, and a client that goes away stops the
 * fetching. The starter configures the {@code SeiClient} from {@code harness.*} properties.
 */
@SpringBootApplication
public class SeiStreamingApplication {

  public static void main(String[] args) {
    SpringApplication.run(SeiStreamingApplication.class, args);
  }
}
