package io.github.harnessreactive.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress bar: records so far, the rate, and, when the total is known, a bar and the
 * time left. Redrawn at most five times a second.
 */
final class ProgressLine {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final String unit;
  private final long started = System.nanoTime();
  private long done;
  private long total = -1;
  private long drawnAt;

  ProgressLine(PrintStream out, String unit) {
    this.out = out;
    this.unit = unit;
  }

  synchronized void total(long items) {
    total = items;
  }

  synchronized void add(long items) {
    done += items;
    long now = System.nanoTime();
    if (now - drawnAt > 200_000_000L) {
      drawnAt = now;
      draw();
    }
  }

  synchronized void finish() {
    draw();
    out.println();
  }

  /** Records per second so far. */
  synchronized double rate() {
    double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
    return done / seconds;
  }

  private void draw() {
    double rate = rate();
    StringBuilder line = new StringBuilder("\r");
    if (total > 0) {
      int filled = (int) Math.min(WIDTH, WIDTH * done / total);
      line.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
      line.append(String.format(Locale.ROOT, "%,d / %,d %s", done, total, unit));
      long left = rate > 0 ? (long) ((total - done) / rate) : 0;
      line.append(String.format(Locale.ROOT, "  %,.0f/s  ETA %s", rate, format(Duration.ofSeconds(left))));
    } else {
      line.append(String.format(Locale.ROOT, "%,d %s  %,.0f/s", done, unit, rate));
    }
    out.print(line);
    out.flush();
  }

  private static String format(Duration duration) {
    return duration.toMinutes() > 0 ? duration.toMinutes() + "m" + duration.toSecondsPart() + "s" : duration.toSeconds() + "s";
  }
}
