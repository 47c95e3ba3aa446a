package io.github.harnessreactive.core.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;
import reactor.util.context.Context;

/**
 * Bounds a call in time the way its answer arrives:
 *
 * <ul>
 *   <li>until its first element, by the <b>deadline</b> (all attempts together): for a call answering
 *       one value, that is the whole call;</li>
 *   <li>after the first element of a stream, by the <b>idle limit</b>: the longest gap with no
 *       element <em>while the subscriber is waiting for one</em> (demand outstanding). Time during
 *       which the subscriber has asked for nothing does not count, so a consumer slower than the
 *       limit never trips it, and an export may rightly take an hour.</li>
 * </ul>
 *
 * <p>One timer at a time, re-armed lazily (like Netty's idle handler): an element costs a clock
 * read, not a timer. Timers run on the client's scheduler; signals to the subscriber are
 * serialised, since a timer may fire while an element is delivered.
 */
final class CallTimeouts {

  private CallTimeouts() {
  }

  /**
   * @param deadline the time to the first element, or {@code null} for none
   * @param idle the longest wait for an element while demand is outstanding, after the first, or
   *     {@code null} for none
   * @param onDeadline the error when the deadline passes
   * @param onIdle the error when the idle limit passes, given the elements delivered so far
   */
  static <T> Flux<T> bound(Flux<T> source, Duration deadline, Duration idle, Scheduler timer,
      Supplier<? extends Throwable> onDeadline, LongFunction<? extends Throwable> onIdle) {
    if (deadline == null && idle == null) {
      return source;
    }
    return new Flux<>() {
      @Override
      public void subscribe(CoreSubscriber<? super T> actual) {
        source.subscribe(new Bound<>(Operators.serialize(actual), deadline, idle, timer, onDeadline, onIdle));
      }
    };
  }

  private static final class Bound<T> implements CoreSubscriber<T>, Subscription {
    private final CoreSubscriber<? super T> actual;
    private final Duration deadline;
    private final long idleNanos;
    private final Scheduler timer;
    private final Supplier<? extends Throwable> onDeadline;
    private final LongFunction<? extends Throwable> onIdle;
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicBoolean done = new AtomicBoolean();
    private final Disposable.Swap deadlineTask = Disposables.swap();
    private final Disposable.Swap idleTask = Disposables.swap();
    private Subscription upstream;
    private volatile boolean started;
    private volatile long lastActivity;
    private volatile long emitted;

    Bound(CoreSubscriber<? super T> actual, Duration deadline, Duration idle, Scheduler timer,
        Supplier<? extends Throwable> onDeadline, LongFunction<? extends Throwable> onIdle) {
      this.actual = actual;
      this.deadline = deadline;
      this.idleNanos = idle == null ? -1 : idle.toNanos();
      this.timer = timer;
      this.onDeadline = onDeadline;
      this.onIdle = onIdle;
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
        if (deadline != null) {
          deadlineTask.update(timer.schedule(() -> fail(onDeadline.get()), deadline.toNanos(), TimeUnit.NANOSECONDS));
        }
      }
    }

    @Override
    public void onNext(T value) {
      if (done.get()) {
        return;
      }
      if (!started) {
        started = true;
        deadlineTask.dispose();
      }
      emitted++;
      lastActivity = now();
      if (outstanding.get() != Long.MAX_VALUE) {
        outstanding.decrementAndGet();
      }
      actual.onNext(value);
      arm();
    }

    @Override
    public void onError(Throwable error) {
      if (done.compareAndSet(false, true)) {
        disposeTimers();
        actual.onError(error);
      }
    }

    @Override
    public void onComplete() {
      if (done.compareAndSet(false, true)) {
        disposeTimers();
        actual.onComplete();
      }
    }

    @Override
    public void request(long n) {
      if (Operators.validate(n)) {
        long before = outstanding.getAndUpdate(current -> Operators.addCap(current, n));
        if (before == 0 && started) {
          lastActivity = now(); // the subscriber waits again: the gap starts now
        }
        upstream.request(n);
        arm();
      }
    }

    @Override
    public void cancel() {
      if (done.compareAndSet(false, true)) {
        disposeTimers();
      }
      upstream.cancel();
    }

    /** Makes sure one idle check is pending, once the first element has arrived. */
    private void arm() {
      if (idleNanos > 0 && started && !done.get() && !armed.get() && armed.compareAndSet(false, true)) {
        idleTask.update(timer.schedule(this::check, idleNanos, TimeUnit.NANOSECONDS));
      }
    }

    /** Fails when the subscriber has waited longer than the limit; otherwise checks again when it could have. */
    private void check() {
      armed.set(false);
      if (done.get() || outstanding.get() == 0) {
        return; // nothing awaited: the next request re-arms
      }
      long waited = now() - lastActivity;
      if (waited >= idleNanos) {
        fail(onIdle.apply(emitted));
      } else if (armed.compareAndSet(false, true)) {
        idleTask.update(timer.schedule(this::check, idleNanos - waited, TimeUnit.NANOSECONDS));
      }
    }

    private void fail(Throwable error) {
      if (done.compareAndSet(false, true)) {
        disposeTimers();
        upstream.cancel();
        actual.onError(error);
      }
    }

    private void disposeTimers() {
      deadlineTask.dispose();
      idleTask.dispose();
    }

    private long now() {
      return timer.now(TimeUnit.NANOSECONDS);
    }
  }
}
