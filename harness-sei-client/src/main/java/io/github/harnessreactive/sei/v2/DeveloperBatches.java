package io.github.harnessreactive.sei.v2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cuts a stream of developer records into request-sized batches: at most {@code maxRecords}
 * records and {@code maxCharacters} characters of JSON body each, measuring each record as it
 * will be sent. Records are pulled from the source only as batches are needed; a record larger
 * than a whole request travels alone (and SEI decides).
 */
final class DeveloperBatches {

  /**
   * A batch ready to send.
   *
   * @param index its 0-based position
   * @param records its records
   * @param characters the size of its JSON body
   */
  record Batch(int index, List<Map<String, String>> records, int characters) {
  }

  private DeveloperBatches() {
  }

  /**
   * The batches of the records, filled by the batcher, which is for one subscription only. The
   * batcher knows the records read and not yet sent ({@link Batcher#unsent()}): a closed batch waits
   * in the operator until it is asked for, and the next batch fills meanwhile.
   */
  static Flux<Batch> of(Flux<Map<String, String>> developers, Batcher batcher) {
    return developers.concatMapIterable(batcher::add, 1).concatWith(Flux.defer(() -> Flux.fromIterable(batcher.rest())));
  }

  /**
   * The batch being filled, and the batches closed and not yet sent, for one subscription.
   * Records arrive one at a time (concatMap); the sender and an error handler may read from
   * other threads, so every method is synchronized.
   */
  static final class Batcher {
    private static final int BRACKETS = 2; // "[" and "]"

    private final UpsertOptions options;
    private final JsonMapper mapper;
    private int index;
    private List<Map<String, String>> current = new ArrayList<>();
    private int characters = BRACKETS;
    private final List<Batch> closed = new ArrayList<>();

    Batcher(UpsertOptions options, JsonMapper mapper) {
      this.options = options;
      this.mapper = mapper;
    }

    /** Adds a record; answers the batch it completed, if it did not fit in the current one. */
    synchronized List<Batch> add(Map<String, String> record) {
      int size = mapper.writeValueAsString(record).length();
      List<Batch> ready = new ArrayList<>(1);
      if (!current.isEmpty()
          && (current.size() >= options.maxRecords() || characters + 1 + size > options.maxCharacters())) {
        ready.add(close());
      }
      characters += size + (current.isEmpty() ? 0 : 1);
      current.add(record);
      return ready;
    }

    /** The last, partly filled batch, if any. */
    synchronized List<Batch> rest() {
      return current.isEmpty() ? List.of() : List.of(close());
    }

    /** The batch is being sent: its records are no longer the batcher's to report. */
    synchronized void sending(Batch batch) {
      closed.remove(batch);
    }

    /** The records read and not sent, in order: those of the batches closed and not sent, then the batch being filled. */
    synchronized List<Map<String, String>> unsent() {
      List<Map<String, String>> unsent = new ArrayList<>();
      closed.forEach(batch -> unsent.addAll(batch.records()));
      unsent.addAll(current);
      return unsent;
    }

    private Batch close() {
      Batch batch = new Batch(index++, current, characters);
      closed.add(batch);
      current = new ArrayList<>();
      characters = BRACKETS;
      return batch;
    }
  }
}
