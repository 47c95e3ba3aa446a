/**
 * The Platform facades: organizations, projects, connectors, pipelines and pipeline executions,
 * over the Platform NG and v1 APIs, as {@code Mono}s and {@link io.github.harnessreactive.core.paging.PagedFlux}
 * lists. Reached through {@link io.github.harnessreactive.platform.PlatformClient#of}:
 *
 * <pre>{@code
 * PlatformClient.of(client).projects().list("default").subscribe(project -> ...);
 * }</pre>
 *
 * <p>Responses come unwrapped: NG's {@code ResponseDTO} envelope is removed, and calls answer the
 * generated models of its {@code data}. Every call goes through the runtime's layers.
 */
package io.github.harnessreactive.platform;
