/**
 * Actuator health for Harness clients: {@link io.github.harnessreactive.boot.health.HarnessHealthIndicator},
 * one cheap authenticated call per client, cached. The starter registers one per client it builds;
 * an application can build more for clients of its own.
 */
package io.github.harnessreactive.boot.health;
