/** The recorder's workings: what it learns from requests, and how a recorded stub is redacted. Not public API. */
package io.github.harnessreactive.simulator.internal.recording;
