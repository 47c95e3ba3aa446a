package io.github.harnessreactive.core.paging;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Checkpoints in this process's memory: for tests, and for resuming a listing within one process. */
public final class InMemoryCheckpointStore implements CheckpointStore {

  private final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();

  @Override
  public Mono<Checkpoint> load(String key) {
    Objects.requireNonNull(key, "key");
    return Mono.fromSupplier(() -> checkpoints.get(key));
  }

  @Override
  public Mono<Void> save(String key, Checkpoint checkpoint) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(checkpoint, "checkpoint");
    return Mono.fromRunnable(() -> checkpoints.put(key, checkpoint));
  }

  @Override
  public Mono<Void> delete(String key) {
    Objects.requireNonNull(key, "key");
    return Mono.fromRunnable(() -> checkpoints.remove(key));
  }

  @Override
  public String toString() {
    return "InMemoryCheckpointStore[" + checkpoints.size() + " checkpoint(s)]";
  }
}
