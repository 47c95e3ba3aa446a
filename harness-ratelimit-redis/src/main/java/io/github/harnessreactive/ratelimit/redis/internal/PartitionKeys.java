package io.github.harnessreactive.ratelimit.redis.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Redis keys of one partition: its Bucket4j bucket and its throttle record, both named by the
 * SHA-256 of the partition under the configured prefix, so a key never shows the partition string
 * (the credential's identity today, the account with it tomorrow) and has a fixed length.
 */
public final class PartitionKeys {

  private final String name;
  private final byte[] bucket;
  private final byte[] throttle;

  private PartitionKeys(String name) {
    this.name = name;
    this.bucket = (name + ":bucket").getBytes(StandardCharsets.UTF_8);
    this.throttle = (name + ":throttle").getBytes(StandardCharsets.UTF_8);
  }

  /** The keys of {@code partition} under {@code prefix}. */
  public static PartitionKeys of(String prefix, String partition) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(partition.getBytes(StandardCharsets.UTF_8));
      return new PartitionKeys(prefix + HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The key of the Bucket4j bucket. */
  public byte[] bucket() {
    return bucket.clone();
  }

  /** The key of the throttle record (a hash: {@code start}, {@code until}, {@code rate}). */
  public byte[] throttle() {
    return throttle.clone();
  }

  @Override
  public String toString() {
    return name;
  }
}
