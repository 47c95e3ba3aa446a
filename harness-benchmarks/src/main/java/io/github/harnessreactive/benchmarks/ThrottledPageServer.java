package io.github.harnessreactive.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A server that answers every SEI v1 list request with one page (the last: {@code has_next} false)
 * written slowly, {@value #CHUNK} bytes at a time at a fixed rate, as a slow link would deliver it:
 * {@code java ... ThrottledPageServer <port> <records> <bytesPerSecond>}. Prints
 * {@code LISTENING <port>} when ready, then for each request
 * {@code FIRST_ITEM_WRITTEN <ms>}: the time from the request's arrival to the write of the chunk
 * holding the first item's last byte. That time is taken as the chunk is handed to Netty, just
 * before its write and flush, so if anything it is early, which makes a goal set against it strict.
 */
public final class ThrottledPageServer {

  /** Bytes per write: a few writes per record, so the first record spans two of them. */
  static final int CHUNK = 256;

  private final byte[] page;
  private final int firstItemChunk;
  private final long intervalNanos;

  ThrottledPageServer(int records, int bytesPerSecond) {
    this.page = Pages.seiV1Page(0, records, false, records);
    this.firstItemChunk = firstItemEnd(page) / CHUNK;
    this.intervalNanos = 1_000_000_000L * CHUNK / bytesPerSecond;
  }

  public static void main(String[] args) {
    ThrottledPageServer server = new ThrottledPageServer(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    DisposableServer running = server.start(Integer.parseInt(args[0]));
    System.out.println("LISTENING " + running.port() + " page of " + server.page.length + " bytes");
    running.onDispose().block();
  }

  DisposableServer start(int port) {
    return HttpServer.create().port(port)
        .route(routes -> routes.post("/**", (request, response) -> {
          long arrived = System.nanoTime();
          return request.receive().then()
              .then(response.header("Content-Type", "application/json")
                  .header("Content-Length", Integer.toString(page.length))
                  .send(chunks(arrived), chunk -> true) // flush each chunk
                  .then());
        }))
        .bindNow();
  }

  /** The page in chunks, chunk i due {@code i} intervals after the request arrived. */
  private Flux<ByteBuf> chunks(long arrived) {
    int count = (page.length + CHUNK - 1) / CHUNK;
    return Flux.range(0, count)
        .concatMap(i -> Mono.delay(Duration.ofNanos(Math.max(0, arrived + i * intervalNanos - System.nanoTime())))
            .thenReturn(i))
        .map(i -> {
          if (i == firstItemChunk) {
            System.out.printf("FIRST_ITEM_WRITTEN %.3f%n", (System.nanoTime() - arrived) / 1e6);
          }
          return Unpooled.wrappedBuffer(page, i * CHUNK, Math.min(CHUNK, page.length - i * CHUNK));
        });
  }

  /** The offset of the first record's closing brace (the records have no nested objects). */
  private static int firstItemEnd(byte[] page) {
    for (int i = 0; i < page.length; i++) {
      if (page[i] == '}') {
        return i;
      }
    }
    throw new IllegalStateException("no record in the page");
  }
}
