/**
 * Runnable programs that show harness-reactive at work. Each runs against an embedded
 * {@link io.github.harnessreactive.simulator.HarnessSimulator} unless Harness credentials are given
 * through environment variables.
 */
package io.github.harnessreactive.examples;
