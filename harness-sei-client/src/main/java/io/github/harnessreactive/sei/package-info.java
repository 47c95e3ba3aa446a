/**
 * The SEI facades of harness-reactive: {@link io.github.harnessreactive.sei.SeiClient} gives SEI v1
 * ({@link io.github.harnessreactive.sei.v1.SeiV1}) and SEI 2.0 ({@link io.github.harnessreactive.sei.v2.SeiV2}),
 * each list a {@link io.github.harnessreactive.core.paging.PagedFlux}, on the runtime's layers
 * (credentials, rate limiting per credential, retries, typed errors).
 */
package io.github.harnessreactive.sei;
