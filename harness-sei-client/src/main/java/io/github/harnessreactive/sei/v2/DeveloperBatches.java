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

  static Flux<Batch> of(Flux<Map<String, String>> developers, UpsertOptions options, JsonMapper mapper) {
    return Flux.defer(() -> {
      Batcher batcher = new Batcher(options, mapper);
      return developers.concatMapIterable(batcher::add, 1).concatWith(Flux.defer(() -> Flux.fromIterable(batcher.rest())));
    });
  }

  /** The batch being filled, for one subscription; records arrive one at a time (concatMap). */
  private static final class Batcher {
    private static final int BRACKETS = 2; // "[" and "]"

    private final UpsertOptions options;
    private final JsonMapper mapper;
    private int index;
    private List<Map<String, String>> current = new ArrayList<>();
    private int characters = BRACKETS;

    Batcher(UpsertOptions options, JsonMapper mapper) {
      this.options = options;
      this.mapper = mapper;
    }

    /** Adds a record; answers the batch it completed, if it did not fit in the current one. */
    List<Batch> add(Map<String, String> record) {
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
    List<Batch> rest() {
      return current.isEmpty() ? List.of() : List.of(close());
    }

    private Batch close() {
      Batch batch = new Batch(index++, current, characters);
      current = new ArrayList<>();
      characters = BRACKETS;
      return batch;
    }
  }
}
