package io.github.harnessreactive.core.internal;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Tells BlockHound, for applications that run it, about the three short waits the runtime's requests
 * may cause on an event loop, none of which is blocking I/O:
 * <ul>
 *   <li>Jackson builds the deserializer of a model type once, under a lock, the first time the type
 *       is decoded, so two event loops decoding a new type at the same moment may briefly wait for
 *       each other;</li>
 *   <li>Spring draws a multipart boundary (file uploads) from a {@code SecureRandom}, whose first
 *       use reads the non-blocking {@code /dev/urandom};</li>
 *   <li>Netty 4.2's adaptive buffer allocator, when many connections read at once, grows its
 *       magazines and takes a magazine's lock for an instant to free the old one; Netty's own
 *       BlockHound integration does not list that path yet (the reliability suite's 100
 *       concurrent streams reach it).</li>
 * </ul>
 * Registered through {@code META-INF/services}, as Reactor and Spring register theirs (so public,
 * for the {@code ServiceLoader}); inert when BlockHound is absent.
 */
public final class RuntimeBlockHoundIntegration implements BlockHoundIntegration {

  /** Allows the three waits above, and nothing else. */
  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
    builder.allowBlockingCallsInside("org.springframework.util.MimeTypeUtils", "generateMultipartBoundary");
    builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
  }
}
