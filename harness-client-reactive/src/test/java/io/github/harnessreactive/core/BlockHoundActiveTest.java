package io.github.harnessreactive.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Proves BlockHound is installed for the whole suite (by blockhound-junit-platform, with the JVM
 * flag from the parent POM): a blocking call on a Reactor thread fails, the same call on a thread
 * meant for blocking does not. If BlockHound were not active, the first test would fail.
 */
class BlockHoundActiveTest {

  @Test
  void blockingOnAReactorThreadFails() {
    Mono<String> sleepsOnParallel = Mono.fromCallable(() -> {
      Thread.sleep(1); // the canary must block: that is what BlockHound has to catch
      return "slept";
    }).subscribeOn(Schedulers.parallel());

    StepVerifier.create(sleepsOnParallel)
        .expectErrorSatisfies(e -> assertThat(e)
            .isInstanceOf(BlockingOperationError.class)
            .hasMessageContaining("Thread.sleep"))
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void blockingOnABoundedElasticThreadIsAllowed() {
    Mono<String> sleepsOnBoundedElastic = Mono.fromCallable(() -> {
      Thread.sleep(1); // the same blocking call, where blocking is allowed
      return "slept";
    }).subscribeOn(Schedulers.boundedElastic());

    StepVerifier.create(sleepsOnBoundedElastic).expectNext("slept").verifyComplete();
  }
}
