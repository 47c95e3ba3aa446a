package io.github.harnessreactive.simulator.internal;

import java.time.Instant;
import java.util.SplittableRandom;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plausible SEI source-control records (pull requests and commits), whose fields SEI does not
 * describe in a schema: what the streaming example writes out. Deterministic per seed and index.
 */
final class PullRequests {

  private static final String[] VERBS = {"Fix", "Add", "Refactor", "Speed up", "Document", "Remove", "Harden"};
  private static final String[] THINGS = {"login flow", "pipeline cache", "retry logic", "billing export", "dashboard",
      "API client", "build scripts", "search index"};
  private static final long START = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

  /** How many developers the records are spread over. */
  private static final int DEVELOPERS = 250;

  private PullRequests() {
  }

  /** The e-mail of developer {@code n}: the same for the same seed in every record. */
  private static String developer(long seed, int n) {
    return RealisticValues.email(new SplittableRandom(seed * 31_337 + n), n);
  }

  static ObjectNode pullRequest(long seed, long index) {
    SplittableRandom random = new SplittableRandom(seed * 7919 + index);
    long created = START + index * 600 + random.nextInt(600);
    ObjectNode pr = JsonNodeFactory.instance.objectNode();
    pr.put("id", "pr-" + index);
    pr.put("number", index + 1);
    pr.put("title", VERBS[random.nextInt(VERBS.length)] + " " + THINGS[random.nextInt(THINGS.length)]);
    pr.put("creator", developer(seed, random.nextInt(DEVELOPERS)));
    pr.put("repo_id", "repo-" + random.nextInt(40));
    pr.put("state", "merged");
    pr.put("pr_created_at", created);
    pr.put("pr_merged_at", created + 3600 + random.nextInt(86_400 * 3));
    pr.put("additions", random.nextInt(800));
    pr.put("deletions", random.nextInt(400));
    pr.put("review_count", random.nextInt(5));
    return pr;
  }

  static ObjectNode commit(long seed, long index) {
    SplittableRandom random = new SplittableRandom(seed * 104_729 + index);
    ObjectNode commit = JsonNodeFactory.instance.objectNode();
    commit.put("commit_sha", Long.toHexString(random.nextLong()) + Long.toHexString(index));
    commit.put("author", developer(seed, random.nextInt(DEVELOPERS)));
    commit.put("repo_id", "repo-" + random.nextInt(40));
    commit.put("committed_at", START + index * 300);
    commit.put("additions", random.nextInt(500));
    commit.put("deletions", random.nextInt(300));
    return commit;
  }
}
