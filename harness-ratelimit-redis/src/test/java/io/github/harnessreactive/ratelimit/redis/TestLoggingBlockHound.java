package io.github.harnessreactive.ratelimit.redis;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The tests log through slf4j-simple into a file, whose writes are synchronous file I/O. In an
 * application that is the logging backend's business (an async appender); here it is allowed so
 * that BlockHound keeps judging the limiter's own code (its WARN when Redis goes away is logged
 * on a Reactor thread).
 */
public final class TestLoggingBlockHound implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.allowBlockingCallsInside("org.slf4j.simple.SimpleLogger", "write");
  }
}
