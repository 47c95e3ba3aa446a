package io.github.harnessreactive.core;

/**
 * A snapshot of a client's connection pool, for health checks and leak tests.
 *
 * @param acquired connections in use by a request now
 * @param idle open connections waiting for a request
 * @param pending requests waiting for a connection
 */
public record ConnectionPoolStats(int acquired, int idle, int pending) {
}
