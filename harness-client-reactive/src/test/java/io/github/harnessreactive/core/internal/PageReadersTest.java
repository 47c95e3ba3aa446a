package io.github.harnessreactive.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two page readers on bodies given as bytes, with no HTTP: the whole-page reader on one joined
 * buffer, the streaming reader on the same body cut into buffers anywhere, including inside a
 * multi-byte character; both must find the same items and fields.
 */
class PageReadersTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SEI_PAGE = """
      {"records":[{"id":"pr-0","title":"fix \u00e9t\u00e9 \u6f22\u5b57 \ud83d\ude80"},{"id":"pr-1","nested":{"a":[1,{"b":null}]}}],
       "count":2,"_metadata":{"page":0,"page_size":2,"has_next":true,"total_count":5}}""";

  private static PageLayout layout(List<String> items, long maxPage, long maxItem) {
    return new PageLayout(JSON, Map.class, items, Set.of("_metadata.page", "_metadata.has_next", "_metadata.total_count",
        "status", "meta.total"), maxPage, maxItem);
  }

  private static PageLayout layout(String items) {
    return layout(List.of(items), 1 << 20, 1 << 16);
  }

  private static DataBuffer heap(byte[] bytes) {
    return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
  }

  private static DataBuffer direct(byte[] bytes) {
    return new DefaultDataBufferFactory(true).wrap(ByteBuffer.allocateDirect(bytes.length).put(bytes).flip());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The streaming reader fed these chunks in turn. */
  private static Result stream(PageLayout layout, List<byte[]> chunks) {
    List<Object> items = new ArrayList<>();
    StreamingPageReader<Object> reader = new StreamingPageReader<>(layout, items::add);
    for (byte[] chunk : chunks) {
      reader.feed(heap(chunk));
    }
    return new Result(items, reader.end());
  }

  private record Result(List<Object> items, PageLayout.Content<Object> content) {
  }

  @Test
  void theWholePageReaderFindsItemsAndFieldsOnAHeapOrADirectBuffer() {
    for (DataBuffer body : List.of(heap(utf8(SEI_PAGE)), direct(utf8(SEI_PAGE)))) {
      PageLayout.Content<Map<String, Object>> page = new WholePageReader(layout("records")).read(body, 2);
      assertThat(page.itemsFound()).isTrue();
      assertThat(page.items()).extracting(item -> item.get("id")).containsExactly("pr-0", "pr-1");
      assertThat(page.items().get(0).get("title")).isEqualTo("fix \u00e9t\u00e9 \u6f22\u5b57 \ud83d\ude80");
      assertThat(page.fields()).containsOnlyKeys("_metadata.page", "_metadata.has_next", "_metadata.total_count");
      assertThat(page.fields().get("_metadata.total_count").asLong()).isEqualTo(5);
    }
  }

  @Test
  void theStreamingReaderFindsTheSameWhereverTheBodyIsCutEvenInsideACharacter() {
    byte[] body = utf8(SEI_PAGE);
    for (int cut = 0; cut <= body.length; cut++) {
      Result result = stream(layout("records"), List.of(Arrays.copyOfRange(body, 0, cut),
          Arrays.copyOfRange(body, cut, body.length)));
      assertThat(result.items()).as("cut at %d", cut).hasSize(2);
      assertThat(((Map<?, ?>) result.items().get(0)).get("title")).as("cut at %d", cut)
          .isEqualTo("fix \u00e9t\u00e9 \u6f22\u5b57 \ud83d\ude80");
      assertThat(result.content().fields().get("_metadata.has_next").asBoolean()).isTrue();
    }
    List<byte[]> bytes = new ArrayList<>();
    for (byte b : body) {
      bytes.add(new byte[] {b});
    }
    assertThat(stream(layout("records"), bytes).items()).hasSize(2);
  }

  @Test
  void itemsGoToTheConsumerAsSoonAsTheirLastByteIsIn() {
    byte[] body = utf8(SEI_PAGE);
    int endOfFirstItem = SEI_PAGE.indexOf("},{\"id\":\"pr-1\"") + 1;
    int bytesBefore = new String(body, StandardCharsets.UTF_8).substring(0, endOfFirstItem).getBytes(StandardCharsets.UTF_8)
        .length;
    List<Object> items = new ArrayList<>();
    StreamingPageReader<Object> reader = new StreamingPageReader<>(layout("records"), items::add);
    reader.feed(heap(Arrays.copyOfRange(body, 0, bytesBefore - 1)));
    assertThat(items).isEmpty();
    reader.feed(heap(Arrays.copyOfRange(body, bytesBefore - 1, bytesBefore)));
    assertThat(items).hasSize(1);
  }

  @Test
  void metadataBeforeTheItemsAndSeveralItemArraysAreRead() {
    String body = """
        {"meta":{"total":3},"imRecords":[{"id":"a"}],"other":[{"x":1}],"itsmRecords":[{"id":"b"},{"id":"c"}],
         "itsmPagerDutyRecords":[]}""";
    PageLayout layout = layout(List.of("imRecords", "itsmRecords", "itsmPagerDutyRecords"), 1 << 20, 1 << 16);
    PageLayout.Content<Map<String, Object>> whole = new WholePageReader(layout).read(heap(utf8(body)), 3);
    assertThat(whole.items()).extracting(item -> item.get("id")).containsExactly("a", "b", "c");
    assertThat(whole.fields().get("meta.total").asInt()).isEqualTo(3);
    Result streamed = stream(layout, List.of(utf8(body)));
    assertThat(streamed.items()).extracting(item -> (Object) ((Map<?, ?>) item).get("id")).containsExactly("a", "b", "c");
    assertThat(streamed.content().fields().get("meta.total").asInt()).isEqualTo(3);
  }

  @Test
  void aBareArrayAndABodyWithoutTheItemArrayAreToldApart() {
    assertThat(new WholePageReader(layout("")).<Object>read(heap(utf8("[{\"a\":1},{\"a\":2}]")), 2).items()).hasSize(2);
    assertThat(stream(layout(""), List.of(utf8("[{\"a\":1},{\"a\":2}]"))).items()).hasSize(2);
    assertThat(new WholePageReader(layout("records")).read(heap(utf8("{\"data\":[]}")), 2).itemsFound()).isFalse();
    assertThat(stream(layout("records"), List.of(utf8("{\"records\":null}"))).content().itemsFound()).isFalse();
  }

  @ParameterizedTest(name = "cut after {0} bytes")
  @ValueSource(ints = {1, 20, 40, 60, 100})
  void aBodyCutInTheMiddleIsTruncatedAndItsCompleteItemsWereAlreadyHandedOver(int cut) {
    byte[] body = Arrays.copyOf(utf8(SEI_PAGE), cut);
    List<Object> items = new ArrayList<>();
    StreamingPageReader<Object> reader = new StreamingPageReader<>(layout("records"), items::add);
    reader.feed(heap(body));
    assertThatThrownBy(reader::end).isInstanceOfSatisfying(PageBodyException.class, e -> assertThat(e.truncated).isTrue());
    assertThat(items).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void aPageOrAnItemOverItsLimitIsRefused() {
    byte[] body = utf8(SEI_PAGE);
    PageLayout smallPage = layout(List.of("records"), body.length - 1, 1 << 16);
    assertThatThrownBy(() -> stream(smallPage, List.of(body)))
        .isInstanceOfSatisfying(PageBodyException.class, e -> assertThat(e.limit).isEqualTo(PageBodyException.Limit.PAGE));

    PageLayout smallItems = layout(List.of("records"), 1 << 20, 40);
    assertThatThrownBy(() -> new WholePageReader(smallItems).read(heap(body), 2))
        .isInstanceOfSatisfying(PageBodyException.class, e -> assertThat(e.limit).isEqualTo(PageBodyException.Limit.ITEM));
    assertThatThrownBy(() -> stream(smallItems, List.of(body)))
        .isInstanceOfSatisfying(PageBodyException.class, e -> assertThat(e.limit).isEqualTo(PageBodyException.Limit.ITEM));
  }

  @Test
  void contentAfterTheEndOfTheBodyIsRefused() {
    byte[] body = utf8(SEI_PAGE + " {\"records\":[]}");
    assertThatThrownBy(() -> new WholePageReader(layout("records")).read(heap(body), 2))
        .isInstanceOf(PageBodyException.class).hasMessageContaining("after its end");
    assertThatThrownBy(() -> stream(layout("records"), List.of(body)))
        .isInstanceOf(PageBodyException.class).hasMessageContaining("after its end");
  }
}
