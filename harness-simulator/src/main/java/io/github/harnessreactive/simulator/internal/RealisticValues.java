package io.github.harnessreactive.simulator.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Values that look like the ones a Harness account holds: identifiers that match Harness's
 * pattern ({@code ^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$}), service-like names, people's names and
 * e-mails, ids, URLs and times from 2025-2026. Each takes the item's index, so the items of one
 * list never collide, and a generator seeded per item, so the same seed and index give the same
 * value in every run.
 */
final class RealisticValues {

  private static final String[] FIRST = {"Ana", "Ben", "Chen", "Dana", "Emeka", "Farah", "Goran", "Hana", "Ines", "Jonas",
      "Kiran", "Lea", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tomas", "Uma", "Viktor", "Wen", "Yara"};
  private static final String[] LAST = {"Garcia", "Nguyen", "Okafor", "Schmidt", "Kowalski", "Haddad", "Rossi", "Tanaka",
      "Silva", "Novak", "Iyer", "Larsen", "Moreau", "Petrov", "Mendes", "Cohen", "Berg", "Kaur", "Diaz", "Fischer"};
  private static final String[] AREAS = {"checkout", "payments", "search", "billing", "catalog", "identity", "inventory",
      "orders", "notifications", "analytics", "gateway", "shipping", "reporting", "accounts", "pricing", "reviews"};
  private static final String[] PARTS = {"api", "service", "web", "worker", "ui", "platform", "jobs", "sync", "core",
      "portal"};
  private static final String[] SENTENCES = {"Owned by the platform team", "Deploys to production every weekday",
      "Migrated from Jenkins in 2025", "Shared by the mobile and web squads", "Runs the nightly data export",
      "Keeps the staging environment in sync", "Builds and tests every pull request"};
  private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".toCharArray();
  private static final long START = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli();
  private static final long YEAR = 365L * 24 * 3600 * 1000;

  private RealisticValues() {
  }

  /** An identifier such as {@code payments_api_17}. */
  static String identifier(SplittableRandom random, long index) {
    return pick(random, AREAS) + "_" + pick(random, PARTS) + "_" + index;
  }

  /** A name such as {@code Payments API 17}. */
  static String name(SplittableRandom random, long index) {
    String part = pick(random, PARTS);
    return capitalise(pick(random, AREAS)) + " " + (part.length() <= 3 ? part.toUpperCase(Locale.ROOT) : capitalise(part))
        + " " + index;
  }

  /** A person's name. */
  static String personName(SplittableRandom random) {
    return pick(random, FIRST) + " " + pick(random, LAST);
  }

  /** A work e-mail such as {@code dana.okafor17@example.com}. */
  static String email(SplittableRandom random, long index) {
    return (pick(random, FIRST) + "." + pick(random, LAST)).toLowerCase(Locale.ROOT) + index + "@example.com";
  }

  /** A short description. */
  static String sentence(SplittableRandom random) {
    return pick(random, SENTENCES);
  }

  /** An opaque id in Harness's 22-character style, distinct for each index. */
  static String id(SplittableRandom random, long index) {
    StringBuilder id = new StringBuilder(22);
    long rest = index;
    for (int i = 0; i < 22; i++) {
      if (i >= 16) {
        id.append(ID_CHARS[(int) (rest & 63)]);
        rest >>>= 6;
      } else {
        id.append(ID_CHARS[random.nextInt(ID_CHARS.length)]);
      }
    }
    return id.toString();
  }

  /** A time within the year from June 2025, later for higher indexes, in epoch milliseconds. */
  static long epochMillis(SplittableRandom random, long index) {
    return START + Math.floorMod(index * 2_237_000L, YEAR) + random.nextLong(60_000);
  }

  /** An https URL. */
  static String url(SplittableRandom random, long index) {
    return "https://" + pick(random, AREAS) + ".example.com/" + pick(random, PARTS) + "/" + index;
  }

  /** A display colour such as {@code #0063F7}. */
  static String color(SplittableRandom random) {
    return String.format(Locale.ROOT, "#%06X", random.nextInt(0x1000000));
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
