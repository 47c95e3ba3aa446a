package io.github.harnessreactive.core.paging;

import java.util.Collections;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Turns a strictly on-demand stream of pages into what the subscriber asked for (its items, or the
 * pages themselves), requesting pages only as far ahead as the lookahead allows.
 *
 * <p>The rule: once the subscriber has reached page {@code N} (an item of it was asked for, or the
 * page itself), pages up to {@code N + lookahead} may be requested; and the page the subscriber
 * waits for is always requested. So with lookahead 0 nothing is fetched before demand needs it;
 * with lookahead 1 the next page is fetched while the current one is being consumed, and at most
 * {@code lookahead + 1} pages are held. Fetched items are delivered before an error of a later
 * page. A page marked last ends the stream without asking for another, unless it has items missing
 * ({@link Page#missingItems()}): then the source says how the listing ends (a strict listing fails).
 *
 * @param <T> the item type
 */
final class LookaheadSubscriber<T> implements CoreSubscriber<Page<T>>, Subscription {

  private final CoreSubscriber<Object> actual;
  private final int lookahead;
  private final boolean items;
  private final Queue<Page<T>> pages = new ConcurrentLinkedQueue<>();
  private final AtomicLong demand = new AtomicLong();
  private final AtomicInteger wip = new AtomicInteger();
  private Subscription upstream;
  private Iterator<T> current = Collections.emptyIterator();
  private long requestedPages;
  private long reached;
  private volatile boolean upstreamDone;
  private volatile Throwable error;
  private volatile boolean cancelled;
  private boolean terminated;

  /**
   * @param actual the subscriber
   * @param lookahead pages to fetch beyond the one the subscriber has reached
   * @param items true to deliver items, false to deliver pages
   */
  @SuppressWarnings("unchecked")
  LookaheadSubscriber(CoreSubscriber<?> actual, int lookahead, boolean items) {
    this.actual = (CoreSubscriber<Object>) actual;
    this.lookahead = lookahead;
    this.items = items;
  }

  @Override
  public Context currentContext() {
    return actual.currentContext();
  }

  @Override
  public void onSubscribe(Subscription subscription) {
    if (Operators.validate(upstream, subscription)) {
      upstream = subscription;
      actual.onSubscribe(this);
      drain();
    }
  }

  @Override
  public void onNext(Page<T> page) {
    pages.offer(page);
    if (page.isLast() && page.missingItems() == 0) {
      upstreamDone = true;
    }
    drain();
  }

  @Override
  public void onError(Throwable throwable) {
    error = throwable;
    upstreamDone = true;
    drain();
  }

  @Override
  public void onComplete() {
    upstreamDone = true;
    drain();
  }

  @Override
  public void request(long n) {
    if (Operators.validate(n)) {
      demand.getAndUpdate(current -> Operators.addCap(current, n));
      drain();
    }
  }

  @Override
  public void cancel() {
    cancelled = true;
    upstream.cancel();
    drain();
  }

  private void drain() {
    if (wip.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    while (true) {
      if (cancelled || terminated) {
        pages.clear();
        current = Collections.emptyIterator();
      } else {
        emit();
      }
      missed = wip.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  /** Emits what demand allows, then terminates or tops up the page requests. Runs in the drain loop only. */
  private void emit() {
    long wanted = demand.get();
    long emitted = 0;
    while (emitted < wanted) {
      if (items && current.hasNext()) {
        actual.onNext(current.next());
        emitted++;
        continue;
      }
      Page<T> page = pages.poll();
      if (page == null) {
        break;
      }
      reached++;
      if (items) {
        current = page.items().iterator();
      } else {
        actual.onNext(page);
        emitted++;
      }
    }
    if (emitted > 0 && wanted != Long.MAX_VALUE) {
      demand.addAndGet(-emitted);
    }
    // The flag is read before the queue: onNext offers a page before it sets the flag, so a source
    // seen done has its last page in the queue already (read the other way round, a page arriving
    // between the two reads would be dropped by a stream that completes without it).
    boolean done = upstreamDone;
    boolean idle = pages.isEmpty() && !current.hasNext();
    if (done && idle) {
      terminated = true;
      if (error == null) {
        upstream.cancel(); // a last page ends the listing; nothing more will be asked of the source
        actual.onComplete();
      } else {
        actual.onError(error);
      }
      return;
    }
    if (!done) {
      long outstanding = demand.get();
      long waitingFor = items ? (outstanding > 0 && idle ? 1 : 0) : outstanding;
      long window = saturatingAdd(saturatingAdd(reached, waitingFor), lookahead);
      if (requestedPages < window) {
        long more = window - requestedPages;
        requestedPages = window;
        upstream.request(more);
      }
    }
  }

  private static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
