package io.github.harnessreactive.simulator;

/**
 * What a simulator has answered so far.
 *
 * @param requests every request received
 * @param throttled answered 429 by the request limit
 * @param rejectedCredentials answered 400 or 401 by the credential checks
 * @param faults answered with an injected fault
 */
public record SimulatorStats(long requests, long throttled, long rejectedCredentials, long faults) {
}
