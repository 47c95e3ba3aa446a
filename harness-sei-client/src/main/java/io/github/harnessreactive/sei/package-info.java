/** The SEI v1 and SEI 2.0 facades of harness-reactive, built on the runtime in {@code io.github.harnessreactive.core}. */
package io.github.harnessreactive.sei;
