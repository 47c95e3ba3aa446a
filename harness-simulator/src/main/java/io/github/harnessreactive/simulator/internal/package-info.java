/** The simulator's workings: routing, credential and limit checks, data generation. Not public API. */
package io.github.harnessreactive.simulator.internal;
