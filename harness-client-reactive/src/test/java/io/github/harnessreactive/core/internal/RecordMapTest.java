package io.github.harnessreactive.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link RecordMap} against {@link LinkedHashMap}, the map it stands in for: the same random
 * sequences of reads and writes applied to both must leave them equal, in the same order, after
 * every step.
 */
class RecordMapTest {

  private static final String[] NAMES = {"id", "title", "state", "additions", "labels"};

  private static RecordMap record() {
    return new RecordMap(RecordShape.of(NAMES.clone()), new Object[] {"pr-1", "Fix", null, 12, List.of("a")});
  }

  private static LinkedHashMap<String, Object> reference() {
    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
    map.put("id", "pr-1");
    map.put("title", "Fix");
    map.put("state", null);
    map.put("additions", 12);
    map.put("labels", List.of("a"));
    return map;
  }

  @Test
  void readsLikeTheMapItStandsFor() {
    RecordMap record = record();
    assertThat(record).isEqualTo(reference()).hasSameHashCodeAs(reference());
    assertThat(reference()).isEqualTo(record);
    assertThat(record.toString()).isEqualTo(reference().toString());
    assertThat(record.keySet()).containsExactly(NAMES);
    assertThat(record.get("state")).isNull();
    assertThat(record.containsKey("state")).isTrue();
    assertThat(record.containsKey("missing")).isFalse();
    assertThat(record.get("missing")).isNull();
    assertThat(record.getOrDefault("state", "x")).isNull();
    assertThat(record.getOrDefault("missing", "x")).isEqualTo("x");
    assertThat(record.containsValue(12)).isTrue();
  }

  @Test
  void aNameRemovedAndAddedAgainComesLastAsInALinkedHashMap() {
    RecordMap record = record();
    record.remove("title");
    record.put("title", "Again");
    record.put("extra", 1);
    assertThat(record.keySet()).containsExactly("id", "state", "additions", "labels", "title", "extra");
    assertThat(record.get("title")).isEqualTo("Again");
  }

  @Test
  void entriesWriteThroughAndRefuseAWriteAfterTheirRemoval() {
    RecordMap record = record();
    Iterator<Map.Entry<String, Object>> entries = record.entrySet().iterator();
    Map.Entry<String, Object> first = entries.next();
    assertThat(first.setValue("pr-2")).isEqualTo("pr-1");
    assertThat(record.get("id")).isEqualTo("pr-2");
    entries.remove();
    assertThatThrownBy(entries::remove).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> first.setValue("pr-3")).isInstanceOf(IllegalStateException.class);
    assertThat(record).doesNotContainKey("id").hasSize(4);
  }

  @Test
  void isSerialisedAsALinkedHashMap() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(record());
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      Object copy = in.readObject();
      assertThat(copy).isExactlyInstanceOf(LinkedHashMap.class).isEqualTo(reference());
    }
  }

  @Test
  void isWrittenAsJsonAsTheMapItStandsFor() {
    JsonMapper json = JsonMapper.builder().build();
    RecordMap record = record();
    record.remove("state");
    record.put("extra", Map.of("k", 1));
    LinkedHashMap<String, Object> reference = reference();
    reference.remove("state");
    reference.put("extra", Map.of("k", 1));
    assertThat(json.writeValueAsString(record)).isEqualTo(json.writeValueAsString(reference))
        .isEqualTo("{\"id\":\"pr-1\",\"title\":\"Fix\",\"additions\":12,\"labels\":[\"a\"],\"extra\":{\"k\":1}}");
  }

  @Test
  void refusesValuesThatDoNotMatchItsShape() {
    assertThatThrownBy(() -> new RecordMap(RecordShape.of(new String[] {"a", "b"}), new Object[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RecordShape.of(new String[] {"a", "b", "a"})).as("a repeated name has no shape").isNull();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234})
  void randomReadsAndWritesLeaveItEqualToALinkedHashMap(long seed) {
    Random random = new Random(seed);
    RecordMap record = record();
    LinkedHashMap<String, Object> reference = reference();
    String[] keys = {"id", "title", "state", "additions", "labels", "extra", "more", "missing"};
    for (int step = 0; step < 2_000; step++) {
      String key = keys[random.nextInt(keys.length)];
      Object value = random.nextInt(4) == 0 ? null : random.nextInt(100);
      String operation;
      switch (random.nextInt(8)) {
        case 0, 1 -> {
          operation = "put " + key;
          assertThat(record.put(key, value)).as(operation).isEqualTo(reference.put(key, value));
        }
        case 2 -> {
          operation = "remove " + key;
          assertThat(record.remove(key)).as(operation).isEqualTo(reference.remove(key));
        }
        case 3 -> {
          operation = "get " + key;
          assertThat(record.get(key)).as(operation).isEqualTo(reference.get(key));
          assertThat(record.containsKey(key)).as(operation).isEqualTo(reference.containsKey(key));
        }
        case 4 -> {
          int skip = random.nextInt(reference.size() + 1);
          operation = "iterator remove at " + skip;
          removeAt(record, skip);
          removeAt(reference, skip);
        }
        case 5 -> {
          int skip = random.nextInt(reference.size() + 1);
          operation = "setValue at " + skip;
          setValueAt(record, skip, value);
          setValueAt(reference, skip, value);
        }
        case 6 -> {
          operation = "clear";
          if (random.nextInt(20) == 0) {
            record.clear();
            reference.clear();
          }
        }
        default -> {
          operation = "values";
          assertThat(new ArrayList<>(record.values())).as(operation).isEqualTo(new ArrayList<>(reference.values()));
        }
      }
      assertThat(new ArrayList<>(record.entrySet())).as(operation).isEqualTo(new ArrayList<>(reference.entrySet()));
      assertThat(record).as(operation).hasSize(reference.size()).isEqualTo(reference).hasSameHashCodeAs(reference);
      assertThat(record.isEmpty()).as(operation).isEqualTo(reference.isEmpty());
    }
  }

  private static void removeAt(Map<String, Object> map, int skip) {
    Iterator<Map.Entry<String, Object>> entries = map.entrySet().iterator();
    for (int i = 0; i < skip && entries.hasNext(); i++) {
      entries.next();
    }
    if (entries.hasNext()) {
      entries.next();
      entries.remove();
    }
  }

  private static void setValueAt(Map<String, Object> map, int skip, Object value) {
    Iterator<Map.Entry<String, Object>> entries = map.entrySet().iterator();
    for (int i = 0; i < skip && entries.hasNext(); i++) {
      entries.next();
    }
    if (entries.hasNext()) {
      entries.next().setValue(value);
    }
  }
}
