/**
 * SEI v1 ({@code .../sei/api/v1}, {@code Authorization: ApiKey}): collection categories,
 * collections, contributors, integrations, SCM commits and pull requests, Jira issues and work
 * items, and DORA metrics. Lists are {@link io.github.harnessreactive.core.paging.PagedFlux}
 * streams paged in the request body, with the SEI v1 {@code has_next} quirk handled.
 */
package io.github.harnessreactive.sei.v1;
