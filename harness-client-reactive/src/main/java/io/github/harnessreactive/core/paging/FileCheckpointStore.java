package io.github.harnessreactive.core.paging;

import io.github.harnessreactive.core.internal.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checkpoints as small JSON files in one directory, one per key (named by a hash of the key, so any
 * key is safe as a file name). A save is atomic and durable: the checkpoint is written to a temporary
 * file in the same directory, forced to disk, moved over the old one in one step, and the
 * directory is forced too; a crash at any moment leaves either the old checkpoint or the new one,
 * never a torn file. File I/O runs on {@link Schedulers#boundedElastic()}, never the caller's thread.
 */
public final class FileCheckpointStore implements CheckpointStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path directory;

  private FileCheckpointStore(Path directory) {
    this.directory = directory;
  }

  /**
   * A store in a directory, created (with its parents) at the first save if missing.
   *
   * @throws NullPointerException when the directory is {@code null}
   */
  public static FileCheckpointStore in(Path directory) {
    return new FileCheckpointStore(Objects.requireNonNull(directory, "directory").toAbsolutePath());
  }

  /** The file a key's checkpoint lives in. */
  public Path fileOf(String key) {
    return directory.resolve(Digests.sha256Hex(Objects.requireNonNull(key, "key"), 16) + ".checkpoint.json");
  }

  /**
   * {@inheritDoc}
   *
   * <p>Fails with {@link IllegalStateException} when the file is not a checkpoint (damaged by hand),
   * with {@link UncheckedIOException} when it cannot be read.
   */
  @Override
  public Mono<Checkpoint> load(String key) {
    Path file = fileOf(key);
    return Mono.fromCallable(() -> read(file)).subscribeOn(Schedulers.boundedElastic());
  }

  @Override
  public Mono<Void> save(String key, Checkpoint checkpoint) {
    Path file = fileOf(key);
    Objects.requireNonNull(checkpoint, "checkpoint");
    return Mono.<Void>fromRunnable(() -> write(file, key, checkpoint)).subscribeOn(Schedulers.boundedElastic());
  }

  @Override
  public Mono<Void> delete(String key) {
    Path file = fileOf(key);
    return Mono.<Void>fromRunnable(() -> {
      try {
        Files.deleteIfExists(file);
        forceDirectory();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the checkpoint " + file, e);
      }
    }).subscribeOn(Schedulers.boundedElastic());
  }

  private static Checkpoint read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException none) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint " + file, e);
    }
    try {
      JsonNode json = JSON.readTree(bytes);
      Map<String, String> attributes = new LinkedHashMap<>();
      json.path("attributes").properties().forEach(entry -> attributes.put(entry.getKey(), entry.getValue().asString()));
      String token = json.path("continuationToken").asString(null);
      if (token == null) {
        throw new IllegalStateException("the checkpoint " + file + " has no continuation token");
      }
      return new Checkpoint(token, attributes);
    } catch (JacksonException e) {
      throw new IllegalStateException("the checkpoint " + file + " is not a checkpoint file (damaged?)", e);
    }
  }

  private void write(Path file, String key, Checkpoint checkpoint) {
    ObjectNode json = JSON.createObjectNode();
    json.put("key", key);
    json.put("continuationToken", checkpoint.continuationToken());
    ObjectNode attributes = json.putObject("attributes");
    checkpoint.attributes().forEach(attributes::put);
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(JSON.writeValueAsBytes(json));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the checkpoint " + file, e);
    }
  }

  /** Makes the directory entry of a move or delete durable; a platform that cannot is left as it is. */
  private void forceDirectory() {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException unsupported) {
      // Some platforms cannot open a directory for fsync; the move itself is still atomic.
    }
  }

  @Override
  public String toString() {
    return "FileCheckpointStore[" + directory + "]";
  }
}
