/**
 * A fake Harness for tests and demos, built on WireMock: {@link io.github.harnessreactive.simulator.HarnessSimulator}
 * keeps organizations, projects, connectors, pipelines, secrets, tokens (which then authenticate
 * requests until deleted), SEI 2.0 developer records and teams like a small in-memory Harness (with
 * its error envelopes), serves every other operation of
 * harness-reactive's OpenAPI documents with realistic sampled data (generated lazily from a seed,
 * so millions of records cost no memory), each page shape with its real semantics, Harness's
 * credential checks and a per-key request limit, and has knobs for latency, random faults and a
 * deterministic {@link io.github.harnessreactive.simulator.FaultSchedule}.
 * {@link io.github.harnessreactive.simulator.HarnessRecorder} records a real Harness into stubs,
 * without keys, for the simulator to replay.
 */
package io.github.harnessreactive.simulator;
