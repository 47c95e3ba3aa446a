package io.github.harnessreactive.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records read as {@link RecordMap}s must be what Jackson's own {@code Map.class} binding reads:
 * equal entries in the same order, values of the same classes, however the records' names vary
 * from one record to the next.
 */
class RecordMapDeserializerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String VARIED = """
      [{"id":"a","n":1,"ok":true,"none":null,"labels":["x","y"],"nested":{"k":[1,{"z":2.5}]}},
       {"id":"b","n":2,"ok":false,"none":null,"labels":[],"nested":{}},
       {"id":"c","n":3,"ok":true,"labels":["z"],"nested":null},
       {"n":4,"id":"d","ok":true,"none":null,"labels":[],"nested":{}},
       {"id":"e","n":5,"ok":true,"none":null,"labels":[],"nested":{},"extra":"more"},
       {},
       {"id":"f","n":9223372036854775807,"big":123456789012345678901234567890,"f":-1.5e-3,"neg":-7},
       {"id":"g \\u00e9t\\u00e9 \\"quoted\\" \\ud83d\\ude80","n":6,"ok":true,"none":null,"labels":[],"nested":{}},
       {"id":"h","n":7,"ok":true,"none":null,"labels":[],"nested":{}},
       {"id":"dup","n":1,"id":"dup-last"},
       {"id":"i","n":8,"ok":true,"none":null,"labels":[],"nested":{}},
       {"id":"j","labels":["a",1,2.5,true,false,null,{"o":[1]},[[2],[]],12345678901234,123456789012345678901234567890]}]""";

  private static List<Object> read(ObjectReader reader, String json) {
    List<Object> records = new ArrayList<>();
    try (MappingIterator<Object> values = reader.readValues(json)) {
      values.forEachRemaining(records::add);
    }
    return records;
  }

  /** Equal, and every value (nested ones too) of the same class. */
  private static void assertSameAsJackson(List<Object> records, List<Object> expected) {
    assertThat(records).hasSameSizeAs(expected);
    for (int i = 0; i < records.size(); i++) {
      Object record = records.get(i);
      assertThat(record).as("record %d", i).isInstanceOf(RecordMap.class);
      assertThat(comparable(record)).as("record %d", i).isEqualTo(comparable(expected.get(i)));
      assertThat(List.copyOf(((Map<?, ?>) record).keySet())).as("order of record %d", i)
          .isEqualTo(List.copyOf(((Map<?, ?>) expected.get(i)).keySet()));
      assertThat(classes(record)).as("value classes of record %d", i).isEqualTo(classes(expected.get(i)));
    }
  }

  /** The value with Java arrays as lists, which compare by content. */
  private static Object comparable(Object value) {
    if (value instanceof Object[] array) {
      return comparable(Arrays.asList(array));
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((key, entry) -> copy.put(key, comparable(entry)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(RecordMapDeserializerTest::comparable).collect(Collectors.toList());
    }
    return value;
  }

  private static Object classes(Object value) {
    if (value instanceof Object[] array) {
      return List.of("array", classes(Arrays.asList(array)));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream().map(entry -> entry.getKey() + ":" + classes(entry.getValue())).toList();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(RecordMapDeserializerTest::classes).toList();
    }
    return value == null ? "null" : value.getClass().getName();
  }

  @Test
  void readsWhatMapBindingReadsWhateverTheNamesOfEachRecord() {
    assertSameAsJackson(read(JSON.readerFor(RecordMap.class), VARIED), read(JSON.readerFor(Map.class), VARIED));
  }

  @Test
  void aRepeatedNameKeepsTheLastValueInTheFirstPlace() {
    List<Object> records = read(JSON.readerFor(RecordMap.class), VARIED);
    assertThat(records.get(9)).isEqualTo(Map.of("id", "dup-last", "n", 1));
    assertThat(List.copyOf(((Map<?, ?>) records.get(9)).keySet())).isEqualTo(List.of("id", "n"));
  }

  @Test
  void honoursTheMappersNumberFeaturesAsMapBindingDoes() {
    String fitting = VARIED.replace("123456789012345678901234567890", "12").replace("9223372036854775807", "7");
    for (ObjectReader features : List.of(JSON.reader().with(DeserializationFeature.USE_LONG_FOR_INTS),
        JSON.reader().with(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS),
        JSON.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS),
        JSON.reader().with(DeserializationFeature.USE_JAVA_ARRAY_FOR_JSON_ARRAY))) {
      assertSameAsJackson(read(features.forType(RecordMap.class), fitting), read(features.forType(Map.class), fitting));
      assertSameOutcome(features, VARIED);
    }
  }

  /** The same records, or a failure of the same class. */
  private static void assertSameOutcome(ObjectReader reader, String json) {
    Object expected;
    try {
      expected = read(reader.forType(Map.class), json);
    } catch (RuntimeException failure) {
      assertThatThrownBy(() -> read(reader.forType(RecordMap.class), json)).as(json).isExactlyInstanceOf(failure.getClass());
      return;
    }
    assertThat(comparable(read(reader.forType(RecordMap.class), json))).as(json).isEqualTo(comparable(expected));
    assertThat(classes(read(reader.forType(RecordMap.class), json))).as(json).isEqualTo(classes(expected));
  }

  @Test
  void recordsWithTheSameNamesShareOneShapeAndWideRecordsAreRead() {
    String wide = IntStream.range(0, 40).mapToObj(i -> "\"field" + i + "\":" + i).collect(Collectors.joining(",", "{", "}"));
    String json = "[" + wide + "," + wide + "," + wide + "]";
    List<Object> records = read(JSON.readerFor(RecordMap.class), json);
    assertSameAsJackson(records, read(JSON.readerFor(Map.class), json));
    assertThat(((RecordMap) records.get(1)).shape()).isSameAs(((RecordMap) records.get(0)).shape())
        .isSameAs(((RecordMap) records.get(2)).shape());
  }

  @Test
  void readsInterleavedWithAnotherShapeEachReadKeepsItsOwnExpectation() {
    ObjectReader reader = JSON.readerFor(RecordMap.class);
    String commits = IntStream.range(0, 50).mapToObj(i -> "{\"sha\":\"s" + i + "\",\"author\":\"a\",\"lines\":" + i + "}")
        .collect(Collectors.joining(",", "[", "]"));
    String pulls = IntStream.range(0, 50).mapToObj(i -> "{\"id\":\"p" + i + "\",\"state\":\"open\"}")
        .collect(Collectors.joining(",", "[", "]"));
    List<Object> readCommits = new ArrayList<>();
    List<Object> readPulls = new ArrayList<>();
    try (MappingIterator<Object> one = reader.readValues(commits); MappingIterator<Object> two = reader.readValues(pulls)) {
      while (one.hasNextValue() || two.hasNextValue()) {
        if (one.hasNextValue()) {
          readCommits.add(one.nextValue());
        }
        if (two.hasNextValue()) {
          readPulls.add(two.nextValue());
        }
      }
    }
    assertSameAsJackson(readCommits, read(JSON.readerFor(Map.class), commits));
    assertSameAsJackson(readPulls, read(JSON.readerFor(Map.class), pulls));
  }

  @Test
  void anItemThatIsNotAnObjectFailsAsMapBindingDoes() {
    for (String json : List.of("[1]", "[\"text\"]", "[[1]]", "[null]", "[{\"a\":1},2]")) {
      assertSameOutcome(JSON.reader(), json);
    }
    assertThatThrownBy(() -> read(JSON.readerFor(RecordMap.class), "[true]")).isInstanceOf(MismatchedInputException.class);
  }
}
