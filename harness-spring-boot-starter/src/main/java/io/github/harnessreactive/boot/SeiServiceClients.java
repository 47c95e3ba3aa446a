package io.github.harnessreactive.boot;

import io.github.harnessreactive.core.HarnessClient;

/**
 * The {@link HarnessClient}s behind the starter's {@code SeiClient}, kept so the health indicators
 * can probe them; either is {@code null} when its key is not set. The {@code SeiClient} bean owns
 * and closes them.
 *
 * @param v1 the SEI v1 client
 * @param v2 the SEI 2.0 client
 */
record SeiServiceClients(HarnessClient v1, HarnessClient v2) {
}
