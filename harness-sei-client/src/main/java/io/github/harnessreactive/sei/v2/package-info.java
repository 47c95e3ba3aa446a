/**
 * SEI 2.0 ({@code /gateway/sei/api/v2}, {@code x-api-key}): developer records (the initial upload
 * flow, streaming, batched upserts with backpressure, deletes), teams, org trees, the efficiency
 * (DORA) insights and the teams report export, streamed.
 */
package io.github.harnessreactive.sei.v2;
