package io.github.harnessreactive.simulator;

/**
 * What a simulator has answered since it started or was last {@linkplain HarnessSimulator#reset() reset}.
 *
 * @param requests every request received
 * @param throttled answered 429 by the request limit
 * @param rejectedCredentials answered 400 or 401 by the credential checks
 * @param faults answered with an injected fault (random, scheduled, or after the page budget)
 * @param pages list pages answered successfully
 */
public record SimulatorStats(long requests, long throttled, long rejectedCredentials, long faults, long pages) {
}
