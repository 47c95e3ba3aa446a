package io.github.harnessreactive.core.internal;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Tells BlockHound, for applications that run it, about the one lock the runtime's decoding may
 * wait on: Jackson builds the deserializer of a model type once, under a lock, the first time the
 * type is decoded, so two event-loop threads decoding a new type at the same moment may briefly
 * wait for each other. Registered through {@code META-INF/services}, as Reactor and Spring
 * register theirs; inert when BlockHound is absent.
 */
public final class JacksonBlockHoundIntegration implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
  }
}
