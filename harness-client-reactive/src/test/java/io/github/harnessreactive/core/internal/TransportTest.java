package io.github.harnessreactive.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for where a credential may go without opting in, for every form of a loopback host. */
class TransportTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http://localhost:8080", "http://LOCALHOST", "http://127.0.0.1:1", "http://127.255.0.9",
      "http://[::1]:9", "http://[0:0:0:0:0:0:0:1]:9", "http://[0000:0000:0000:0000:0000:0000:0000:0001]",
      "http://[::ffff:127.0.0.1]", "https://app.harness.io", "HTTPS://harness.example.com"})
  void httpsAndEveryLoopbackFormMayCarryACredential(String url) {
    assertThat(Transport.maySendCredential(URI.create(url))).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http://app.harness.io", "http://10.0.0.1", "http://128.0.0.1", "http://127.0.0.256",
      "http://[::2]", "http://[fe80::1]", "http://localhost.evil.example", "http://127.0.0.1.nip.io",
      "http://1password.example"})
  void plainHttpToAnythingElseMayNot(String url) {
    assertThat(Transport.maySendCredential(URI.create(url))).isFalse();
  }
}
