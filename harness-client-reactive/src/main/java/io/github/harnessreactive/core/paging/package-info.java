/**
 * Lists as lazy streams: {@link io.github.harnessreactive.core.paging.PagedFlux} is a {@code Flux}
 * of items that fetches pages only as demand needs them (plus a configurable lookahead), with
 * {@link io.github.harnessreactive.core.paging.PagedFlux#byPage() byPage()} for pages and their
 * metadata and resumable continuation tokens.
 */
package io.github.harnessreactive.core.paging;
