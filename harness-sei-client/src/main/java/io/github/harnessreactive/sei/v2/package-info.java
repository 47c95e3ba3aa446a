/**
 * SEI 2.0 ({@code /gateway/sei/api/v2}, {@code x-api-key}): developer records (the initial upload
 * flow, streaming, batched upserts with backpressure, deletes), teams (and their developers,
 * integrations and filters), org trees, integrations, custom variables, the activity log, the
 * efficiency (DORA) insights and their drilldowns, the team and collection reports streamed, and the
 * export jobs as one stream each ({@link io.github.harnessreactive.sei.v2.Exports}).
 */
package io.github.harnessreactive.sei.v2;
