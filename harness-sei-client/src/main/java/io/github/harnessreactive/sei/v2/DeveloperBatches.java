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
      int[] index = {0};
      List<Map<String, String>>[] current = new List[] {new ArrayList<>()};
      int[] characters = {2}; // "[" and "]"
      return developers
          .concatMapIterable(record -> {
            int size = mapper.writeValueAsString(record).length();
            List<Batch> ready = new ArrayList<>(1);
            int grown = characters[0] + size + (current[0].isEmpty() ? 0 : 1);
            if (!current[0].isEmpty() && (current[0].size() >= options.maxRecords() || grown > options.maxCharacters())) {
              ready.add(new Batch(index[0]++, current[0], characters[0]));
              current[0] = new ArrayList<>();
              characters[0] = 2;
              grown = 2 + size;
            }
            current[0].add(record);
            characters[0] = grown;
            return ready;
          }, 1)
          .concatWith(Flux.defer(() -> current[0].isEmpty() ? Flux.empty()
              : Flux.just(new Batch(index[0]++, current[0], characters[0]))));
    });
  }
}
