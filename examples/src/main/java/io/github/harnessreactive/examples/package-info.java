/** Runnable programs that show harness-reactive at work. */
package io.github.harnessreactive.examples;
