/**
 * A fake Harness for tests and demos, built on WireMock: {@link io.github.harnessreactive.simulator.HarnessSimulator}
 * serves every operation of harness-reactive's OpenAPI documents with deterministic synthetic data
 * (generated lazily from a seed, so millions of records cost no memory), each page shape with its
 * real semantics (the SEI v1 {@code has_next} quirk included), Harness's credential checks, a
 * per-key request limit over a sliding window (429 with no {@code Retry-After}), and knobs for
 * latency and faults.
 */
package io.github.harnessreactive.simulator;
