package io.github.harnessreactive.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A server that answers SEI v1 pull-request list pages from memory, so that a benchmark's client
 * does all the measurable work: {@code java ... PageServer <port> <records> <pageSize> <delayMillis>}.
 *
 * <p>It keeps {@value #DISTINCT_PAGES} record arrays serialised once and serves them in turn (the
 * client's shift guard compares a page with the one before it), with the page metadata written per
 * request. Prints {@code LISTENING <port>} when ready.
 */
public final class PageServer {

  static final int DISTINCT_PAGES = 16;
  private static final Pattern PAGE = Pattern.compile("\"page\"\\s*:\\s*(\\d+)");

  private final byte[][] recordArrays;
  private final long records;
  private final int pageSize;
  private final Duration delay;

  PageServer(long records, int pageSize, Duration delay) {
    this.records = records;
    this.pageSize = pageSize;
    this.delay = delay;
    this.recordArrays = new byte[DISTINCT_PAGES][];
    for (int page = 0; page < DISTINCT_PAGES; page++) {
      recordArrays[page] = recordArray(page, pageSize).getBytes(StandardCharsets.UTF_8);
    }
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    PageServer server = new PageServer(Long.parseLong(args[1]), Integer.parseInt(args[2]),
        Duration.ofMillis(Long.parseLong(args[3])));
    DisposableServer running = server.start(port);
    System.out.println("LISTENING " + running.port());
    running.onDispose().block();
  }

  DisposableServer start(int port) {
    return HttpServer.create().port(port)
        .route(routes -> routes.post("/**", (request, response) -> request.receive().aggregate().asString()
            .defaultIfEmpty("{}")
            .flatMap(body -> {
              Mono<ByteBuf> page = Mono.fromSupplier(() -> page(pageIndex(body)));
              return delay.isZero() ? page : Mono.delay(delay).then(page);
            })
            .flatMap(page -> response.header("Content-Type", "application/json").sendObject(page).then())))
        .bindNow();
  }

  private ByteBuf page(int index) {
    long pages = (records + pageSize - 1) / pageSize;
    boolean hasNext = index + 1 < pages;
    if (index >= pages) {
      return Unpooled.wrappedBuffer(("{\"records\":[],\"count\":0,\"_metadata\":{\"page\":" + index + ",\"page_size\":" + pageSize
          + ",\"has_next\":false,\"total_count\":" + records + "}}").getBytes(StandardCharsets.UTF_8));
    }
    byte[] head = "{\"records\":".getBytes(StandardCharsets.UTF_8);
    byte[] tail = (",\"count\":" + pageSize + ",\"_metadata\":{\"page\":" + index + ",\"page_size\":" + pageSize
        + ",\"has_next\":" + hasNext + ",\"total_count\":" + records + "}}").getBytes(StandardCharsets.UTF_8);
    return Unpooled.wrappedBuffer(head, recordArrays[index % DISTINCT_PAGES], tail);
  }

  private static int pageIndex(String body) {
    Matcher matcher = PAGE.matcher(body);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
  }

  /** One page of pull requests shaped like SEI's, about 330 bytes each. */
  static String recordArray(int page, int size) {
    StringBuilder json = new StringBuilder(size * 340).append('[');
    for (int i = 0; i < size; i++) {
      long n = (long) page * size + i;
      json.append(i == 0 ? "" : ",").append("""
          {"id":"pr-%d","number":%d,"title":"Make the pager honour demand (%d)","state":"merged",\
          "creator":"dev-%d","repo_id":"harness/harness-core","integration_id":"4","source_branch":"feature/%d",\
          "target_branch":"main","additions":%d,"deletions":%d,"files_ct":%d,"pr_created_at":1700000000%03d,\
          "pr_merged_at":1700003600%03d,"labels":["backend","reviewed"]}""".formatted(n, n, n, n % 97, n, n % 500,
          n % 200, n % 30, n % 1000, n % 1000));
    }
    return json.append(']').toString();
  }
}
