/**
 * Spring AOT and GraalVM native-image support: the runtime hints for the generated client, the
 * runtime's reflective lookups and its class-path resources, registered through
 * {@code META-INF/spring/aot.factories}.
 */
package io.github.harnessreactive.boot.aot;
