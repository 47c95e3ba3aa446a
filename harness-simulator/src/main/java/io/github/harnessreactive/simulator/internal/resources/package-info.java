/** The simulator's stateful resources: the store, and one class per kind that answers its operations from it. Not public API. */
package io.github.harnessreactive.simulator.internal.resources;
