/**
 * The Platform facades: organizations, projects, connectors, pipelines, pipeline runs, secrets,
 * services, environments, infrastructures, users, user groups, service accounts, API keys, tokens,
 * variables and delegates, over the Platform NG and v1 APIs, as {@code Mono}s and
 * {@link io.github.harnessreactive.core.paging.PagedFlux} lists; and {@link
 * io.github.harnessreactive.platform.KeyRotation}, which moves a running client to a new token.
 * Reached through {@link io.github.harnessreactive.platform.PlatformClient#of}:
 *
 * <pre>{@code
 * PlatformClient.of(client).projects().list("default").subscribe(project -> ...);
 * }</pre>
 *
 * <p>Responses come unwrapped: NG's {@code ResponseDTO} envelope is removed, and calls answer the
 * generated models of its {@code data}. Every call goes through the runtime's layers. A secret's
 * value and a newly issued token never appear in a model's {@code toString()} (generated models
 * print {@code *} for them; {@link io.github.harnessreactive.platform.IssuedToken} shows only the
 * token's identity), nor in the message or body excerpt of an error about their answers.
 */
package io.github.harnessreactive.platform;
