package io.github.harnessreactive.ratelimit.redis.internal;

import io.github.harnessreactive.core.resilience.RateLimitQueueFullException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * One partition's waiters in this instance, served in arrival order by one pump that takes their
 * permits from the shared bucket one at a time:
 *
 * <ol>
 *   <li><b>read</b> the throttle record (and Redis's clock). Paused: drop any reserved place (it
 *       fell inside the pause) and wait, on a timer, for the pause to end, then read again.
 *       Otherwise grant the reserved place, if any, to the head of the queue;</li>
 *   <li><b>reserve</b> the next place at the rate in force ({@link SharedRate#cost}); when it is
 *       due now, grant it at once, otherwise wait for it on a timer and go back to 1, so a pause
 *       recorded in the meantime stops the grant.</li>
 * </ol>
 *
 * So a permit is granted only after a read that found no pause: once a pause is recorded, this
 * instance grants nothing until it ends, except the one permit whose read was already answered.
 * A cancelled waiter leaves the queue and takes nothing; a place reserved for it goes to the next
 * waiter, or back to the bucket when there is none. Any failure of Redis hands every waiter, in
 * order, to the {@link Fallback}'s local limiter, and so does every later arrival while it lasts.
 *
 * <p>Thread-safe: the queue and the pump's flags are guarded by this object's monitor; the pump's
 * steps run one after the other on the scheduler, each started by the previous one's answer or
 * timer, and each first checks that there is still someone to serve (so a closed queue stops it).
 */
public final class PartitionQueue {

  private final String identity;
  private final PartitionKeys keys;
  private final String label;
  private final SharedState state;
  private final SharedRate rate;
  private final Fallback fallback;
  private final Scheduler scheduler;
  private final int maxQueued;
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  private boolean busy;
  private boolean closed;
  private long lastUsed;
  private long held; // tokens reserved for the head of the queue; only the pump touches it
  private volatile double available;
  private volatile double ratePerSecond;

  /**
   * @param identity the partition
   * @param keys its Redis keys
   * @param label its metric label
   * @param state the shared state
   * @param rate the pace
   * @param burst the bucket's capacity, in permits (the first gauge value)
   * @param maxQueued waiters before {@link RateLimitQueueFullException}
   * @param fallback the switch to the local limiter
   * @param scheduler where the pump runs and waits
   */
  public PartitionQueue(String identity, PartitionKeys keys, String label, SharedState state, SharedRate rate, int burst,
      int maxQueued, Fallback fallback, Scheduler scheduler) {
    this.identity = identity;
    this.keys = keys;
    this.label = label;
    this.state = state;
    this.rate = rate;
    this.maxQueued = maxQueued;
    this.fallback = fallback;
    this.scheduler = scheduler;
    this.available = burst;
    this.ratePerSecond = rate.ceiling();
    this.lastUsed = scheduler.now(TimeUnit.NANOSECONDS);
  }

  /** Queues a waiter; it completes when its permit is granted. */
  public void enqueue(MonoSink<Void> sink) {
    Waiter waiter = new Waiter(sink);
    synchronized (this) {
      lastUsed = scheduler.now(TimeUnit.NANOSECONDS);
      if (closed) {
        sink.error(closedError());
        return;
      }
      if (waiters.size() >= maxQueued) {
        sink.error(new RateLimitQueueFullException(identity, maxQueued));
        return;
      }
      waiters.addLast(waiter);
    }
    sink.onCancel(() -> cancel(waiter));
    drain();
  }

  /** Reads the shared state for the gauges; the values are kept, nothing else changes. */
  public Mono<Void> refreshGauges() {
    return Mono.zip(state.read(keys), state.available(keys)).doOnNext(read -> {
      ratePerSecond = rate.rateAt(read.getT1().record(), read.getT1().now());
      available = read.getT1().paused() ? 0 : read.getT2();
    }).then();
  }

  /** Fails every waiter with {@code reason}; the queue takes no more. */
  public void close(Throwable reason) {
    List<Waiter> left;
    synchronized (this) {
      closed = true;
      left = new ArrayList<>(waiters);
      waiters.clear();
    }
    left.forEach(waiter -> waiter.sink.error(reason));
  }

  /** The metric label. */
  public String label() {
    return label;
  }

  /** Waiters now: in this queue, and those handed to the local limiter while Redis was away. */
  public int queued() {
    int local = fallback.local().queued(identity);
    synchronized (this) {
      return waiters.size() + local;
    }
  }

  /** Permits in the shared bucket at the last answer from Redis (0 while paused). */
  public double available() {
    return available;
  }

  /** The shared rate at the last answer from Redis, in permits per second (0 while paused). */
  public double ratePerSecond() {
    return ratePerSecond;
  }

  /** Whether the queue is empty and unused since {@code cutoff} (scheduler nanoseconds). */
  public synchronized boolean idleSince(long cutoff) {
    return !busy && waiters.isEmpty() && lastUsed < cutoff;
  }

  private void drain() {
    boolean local;
    synchronized (this) {
      if (busy || closed || waiters.isEmpty()) {
        return;
      }
      busy = true;
      local = fallback.active();
    }
    if (local) {
      handOver();
    } else {
      read();
    }
  }

  private void read() {
    if (more()) {
      state.read(keys).subscribe(this::onRead, this::onFailure);
    }
  }

  private void onRead(Snapshot snapshot) {
    double now = rate.rateAt(snapshot.record(), snapshot.now());
    ratePerSecond = now;
    if (snapshot.paused()) {
      held = 0;
      available = 0;
      later(TimeUnit.MILLISECONDS.toNanos(snapshot.record().until() - snapshot.now()));
      return;
    }
    if (held > 0) {
      grant();
    }
    if (more()) {
      reserve(rate.cost(now));
    }
  }

  private void reserve(long cost) {
    state.reserve(keys, cost).subscribe(this::onReserved, this::onFailure);
  }

  private void onReserved(Reservation reservation) {
    held = reservation.cost();
    available = reservation.available();
    if (reservation.waitNanos() > 0) {
      later(reservation.waitNanos());
      return;
    }
    grant();
    read();
  }

  /** The held place to the head of the queue, or back to the bucket when nobody waits any more. */
  private void grant() {
    long cost = held;
    held = 0;
    Waiter head;
    synchronized (this) {
      head = waiters.pollFirst();
    }
    if (head != null) {
      head.sink.success();
    } else {
      refund(cost);
    }
  }

  /** Whether the pump goes on; when not, it gives back any place it holds and stops (an arrival starts it again). */
  private boolean more() {
    long unused;
    synchronized (this) {
      if (!closed && !waiters.isEmpty()) {
        return true;
      }
      unused = held;
      held = 0;
      busy = false;
    }
    if (unused > 0) {
      refund(unused);
    }
    return false;
  }

  private void refund(long cost) {
    state.refund(keys, cost).subscribe(null, ignored -> { }); // at worst one permit of throughput is lost
  }

  private void later(long nanos) {
    scheduler.schedule(this::read, Math.max(1, nanos), TimeUnit.NANOSECONDS);
  }

  private void onFailure(Throwable failure) {
    fallback.enter(failure);
    held = 0;
    synchronized (this) {
      busy = false;
    }
    drain();
  }

  /** Every waiter, in order, to the local limiter. */
  private void handOver() {
    List<Waiter> moved;
    synchronized (this) {
      moved = new ArrayList<>(waiters);
      waiters.clear();
      busy = false;
    }
    moved.forEach(waiter -> waiter.handTo(fallback.local().acquire(identity)));
  }

  private void cancel(Waiter waiter) {
    synchronized (this) {
      waiters.remove(waiter);
    }
    waiter.handedOver.dispose();
  }

  private static IllegalStateException closedError() {
    return new IllegalStateException("the Redis rate limiter is closed");
  }

  /** One request waiting for a permit. */
  private static final class Waiter {
    private final MonoSink<Void> sink;
    private final Disposable.Swap handedOver = Disposables.swap();

    Waiter(MonoSink<Void> sink) {
      this.sink = sink;
    }

    void handTo(Mono<Void> local) {
      handedOver.update(local.subscribe(null, sink::error, sink::success));
    }
  }
}
