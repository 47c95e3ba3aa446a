package io.github.harnessreactive.reliability;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The tests log the runtime at TRACE into a file through slf4j-simple, whose writes are
 * synchronous file I/O. In an application that is the logging backend's business (an async
 * appender); here it is allowed so that BlockHound keeps judging the library's own code.
 */
public final class TestLoggingBlockHound implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.allowBlockingCallsInside("org.slf4j.simple.SimpleLogger", "write");
  }
}
