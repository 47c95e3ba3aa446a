/** The simulator's workings: routing, credential and limit checks, sampled data, pages, faults, safe WireMock settings. Not public API. */
package io.github.harnessreactive.simulator.internal;
