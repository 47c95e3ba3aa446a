package io.github.harnessreactive.core.paging;

import reactor.core.publisher.Mono;

/**
 * Keeps {@link Checkpoint}s under keys, so a long listing can carry on where it stopped after a
 * failure, a crash or a restart. The SPI is non-blocking: an implementation that does blocking I/O
 * (a file, a database driver without a reactive API) runs it on a thread meant for blocking, never
 * on the caller's.
 *
 * <p>Exactly-once comes from pages: with {@link PagedFlux#byPage()}, process a page, make its output
 * durable, then {@link #save} the page's token; resuming from it ({@code byPage(checkpoint.continuationToken())})
 * repeats nothing and loses nothing. Never save before the output is durable. {@link PagedFlux#checkpointed}
 * does this for consumers that process items one at a time.
 *
 * <p>Implementations: {@link FileCheckpointStore} (atomic, durable files), {@link InMemoryCheckpointStore}
 * (tests, and resuming within one process). Thread-safe.
 */
public interface CheckpointStore {

  /**
   * The checkpoint under a key.
   *
   * @return the checkpoint, or empty when there is none
   */
  Mono<Checkpoint> load(String key);

  /** Replaces the checkpoint under a key; completes once it is durable (as far as the store goes). */
  Mono<Void> save(String key, Checkpoint checkpoint);

  /** Removes the checkpoint under a key (a listing done); completes whether or not there was one. */
  Mono<Void> delete(String key);
}
