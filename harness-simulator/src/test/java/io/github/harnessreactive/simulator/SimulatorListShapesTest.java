package io.github.harnessreactive.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.catalogue.OperationCatalogue;
import io.github.harnessreactive.core.catalogue.OperationInfo;
import io.github.harnessreactive.core.catalogue.PageShape;
import io.github.harnessreactive.core.catalogue.PageShape.Meta;
import io.github.harnessreactive.core.catalogue.PageShapes;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every paged list operation of our documents, asked for over HTTP as a client would (page
 * parameters in the query or the body, a cursor handed back for cursor shapes) and answered in its
 * true shape: 23 items in pages of 10 are two full pages and a short one whose metadata says it is
 * the last (no next page, the last page index, the total reached, no next cursor), each page's
 * items across all of its item arrays; an empty list is one page that says it is the last. The
 * expected metadata is read from the same shape descriptions the client reads, at the places they
 * name, so a shape the simulator writes elsewhere or inconsistently fails here.
 */
class SimulatorListShapesTest {

  static final int ITEMS = 23;
  static final int SIZE = 10;
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

  static HarnessSimulator full;
  static HarnessSimulator empty;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    SimulatorOptions options = SimulatorOptions.defaults().withState(false).withRequestLimit(0, Duration.ofMinutes(1));
    full = HarnessSimulator.start(options.withDefaultListSize(ITEMS));
    empty = HarnessSimulator.start(options.withDefaultListSize(0));
  }

  @AfterAll
  static void stop() {
    full.close();
    empty.close();
  }

  /** Every operation that pages (lists answered whole have nothing to page). */
  static Stream<OperationInfo> pagedLists() {
    return OperationCatalogue.get().operations().stream()
        .filter(op -> op.paging().filter(p -> !PageShapes.UNPAGED.equals(p.shape())).isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pagedLists")
  void pagesInItsShapeUpToTheLastPage(OperationInfo list) throws Exception {
    OperationInfo.PagingSpec paging = list.paging().orElseThrow();
    PageShape shape = PageShapes.get(paging.shape());
    List<Integer> sizes = new ArrayList<>();
    String cursor = null;
    for (int position = 0; position < 3; position++) {
      Answer page = request(full, list, paging.firstPage() + position, cursor);
      assertThat(page.status()).as("page %d of %s: %s", position, list.operationId(), page.body()).isEqualTo(200);
      int items = page.items(paging);
      sizes.add(items);
      boolean last = position == 2;
      expectMetadata(list, shape, paging, page, position, items, last);
      if (shape.position() == PageShape.Position.CURSOR) {
        cursor = last ? null : page.field(shape, Meta.NEXT_CURSOR).orElseThrow().asString();
      }
    }
    assertThat(sizes).as(list.operationId()).containsExactly(SIZE, SIZE, ITEMS - 2 * SIZE);
    if (shape.position() == PageShape.Position.INDEX) {
      Answer beyond = request(full, list, paging.firstPage() + 3, null);
      assertThat(beyond.items(paging)).as("a page past the end of %s", list.operationId()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pagedLists")
  void anEmptyListIsOnePageThatSaysItIsTheLast(OperationInfo list) throws Exception {
    OperationInfo.PagingSpec paging = list.paging().orElseThrow();
    Answer page = request(empty, list, paging.firstPage(), null);

    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.items(paging)).isZero();
    expectMetadata(list, PageShapes.get(paging.shape()), paging, page, 0, 0, true);
  }

  /** The metadata the page reports, where its shape says, agrees with its items and with the last-page rule. */
  private static void expectMetadata(OperationInfo list, PageShape shape, OperationInfo.PagingSpec paging, Answer page,
      int position, int items, boolean last) {
    long total = items == 0 && position == 0 ? 0 : ITEMS;
    String what = list.operationId() + " page " + position;
    for (Meta meta : shape.fields().keySet()) {
      Optional<JsonNode> value = page.field(shape, meta);
      switch (meta) {
        case TOTAL_ITEMS -> assertThat(value).as(what + " total").hasValueSatisfying(v -> assertThat(v.asLong()).isEqualTo(total));
        case TOTAL_PAGES -> assertThat(value).as(what + " pages").hasValueSatisfying(
            v -> assertThat(v.asLong()).isEqualTo((total + SIZE - 1) / SIZE));
        case PAGE_INDEX -> assertThat(value).as(what + " index").hasValueSatisfying(
            v -> assertThat(v.asLong()).isEqualTo(paging.firstPage() + position));
        case PAGE_SIZE -> assertThat(value).as(what + " size").hasValueSatisfying(v -> assertThat(v.asInt()).isEqualTo(SIZE));
        // SEI v1 says has_next when the page is full, even the last (the client then asks once more).
        case HAS_NEXT -> assertThat(value).as(what + " has next").hasValueSatisfying(v -> assertThat(v.asBoolean())
            .isEqualTo("sei-v1-body".equals(shape.name()) ? items == SIZE : !last));
        case IS_LAST -> assertThat(value).as(what + " last").hasValueSatisfying(v -> assertThat(v.asBoolean()).isEqualTo(last));
        case NEXT_CURSOR -> {
          if (last) {
            assertThat(value).as(what + " cursor").isEmpty();
          } else {
            assertThat(value).as(what + " cursor").hasValueSatisfying(v -> assertThat(v.asString()).isNotBlank()
                .as("opaque, not the page number").isNotEqualTo(String.valueOf(position + 1)));
          }
        }
        default -> throw new AssertionError("a page shape metadata this test does not know: " + meta);
      }
    }
  }

  /** One page request, as the operation takes its page: in the query or the body, by index or cursor. */
  private Answer request(HarnessSimulator simulator, OperationInfo list, int index, String cursor) throws Exception {
    OperationInfo.PagingSpec paging = list.paging().orElseThrow();
    boolean byCursor = PageShapes.get(paging.shape()).position() == PageShape.Position.CURSOR;
    String page = byCursor ? cursor : String.valueOf(index);
    StringBuilder query = new StringBuilder();
    ObjectNode body = JSON.createObjectNode();
    if ("query".equals(paging.in())) {
      if (page != null) {
        query.append('&').append(paging.pageParam()).append('=').append(URLEncoder.encode(page, StandardCharsets.UTF_8));
      }
      query.append('&').append(paging.sizeParam()).append('=').append(SIZE);
    } else {
      put(body, paging.pageParam(), JSON.getNodeFactory().numberNode(index));
      put(body, paging.sizeParam(), JSON.getNodeFactory().numberNode(SIZE));
    }
    for (String parameter : list.accountParameters()) {
      query.append('&').append(parameter).append('=').append(SimulatorOptions.DEMO_ACCOUNT);
    }
    for (String parameter : list.scopeParameters()) {
      query.append('&').append(parameter).append("=default");
    }
    String server = URI.create(OperationCatalogue.get().defaultServer(list.document())).getPath();
    Matcher parameters = PATH_PARAMETER.matcher(list.path());
    String path = parameters.replaceAll("7");
    URI uri = URI.create(simulator.baseUrl() + server + path + (query.isEmpty() ? "" : "?" + query.substring(1)));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
        .method(list.method(), "GET".equals(list.method()) ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .header("Content-Type", "application/json");
    if ("sei-v1".equals(list.document())) {
      request.header("Authorization", "ApiKey " + SimulatorOptions.DEMO_SEI_V1_KEY);
    } else {
      request.header("x-api-key", SimulatorOptions.DEMO_API_KEY);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), response.headers().map());
  }

  private static void put(ObjectNode root, String dotted, JsonNode value) {
    String[] parts = dotted.split("\\.");
    ObjectNode current = root;
    for (int i = 0; i < parts.length - 1; i++) {
      current = current.has(parts[i]) ? (ObjectNode) current.get(parts[i]) : current.putObject(parts[i]);
    }
    current.set(parts[parts.length - 1], value);
  }

  /** One answer: its status, body and headers. */
  record Answer(int status, String body, Map<String, List<String>> headers) {

    JsonNode json() {
      return JSON.readTree(body);
    }

    /** The items of the page, counted over every item array its paging names. */
    int items(OperationInfo.PagingSpec paging) {
      JsonNode root = json();
      int count = 0;
      for (String path : paging.items()) {
        JsonNode array = path.isEmpty() ? root : root.at("/" + path.replace('.', '/'));
        assertThat(array.isArray()).as("item array '%s' in %s", path, body).isTrue();
        count += array.size();
      }
      return count;
    }

    /** A piece of metadata where the shape says it is: a body field or a header; empty when absent or null. */
    Optional<JsonNode> field(PageShape shape, Meta meta) {
      PageShape.Location location = shape.location(meta).orElseThrow();
      if (location.header()) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(location.name())).findFirst()
            .map(e -> JSON.readTree(e.getValue().get(0))); // a header's number or boolean, as JSON
      }
      JsonNode node = json().at("/" + location.name().replace('.', '/'));
      return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node);
    }
  }
}
