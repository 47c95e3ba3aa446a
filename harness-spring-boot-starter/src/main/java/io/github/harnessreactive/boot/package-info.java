/**
 * Spring Boot 4 auto-configuration for harness-reactive: {@code harness.*} properties and
 * {@link io.github.harnessreactive.core.HarnessClient} and {@link io.github.harnessreactive.sei.SeiClient}
 * beans built on Boot's {@code WebClient.Builder} and {@code ObservationRegistry}.
 */
package io.github.harnessreactive.boot;
