package io.github.harnessreactive.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Proves the leak checks of this suite can fail: a buffer dropped unreleased is reported. */
@Order(1)
class LeakDetectionCanaryTest {

  @Test
  void nettyUsesTheCapturingDetectorAtParanoidLevel() {
    assertThat(CapturingLeakDetector.installed()).isTrue();
  }

  @Test
  void aBufferThatIsNeverReleasedIsReported() {
    CapturingLeakDetector.drain();
    leakOneBuffer();

    assertThat(CapturingLeakDetector.drain()).anySatisfy(report -> assertThat(report).startsWith("LEAK: ByteBuf"));
  }

  private static void leakOneBuffer() {
    ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(16);
    buffer.writeInt(42); // and never released
  }
}
