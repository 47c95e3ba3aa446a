package io.github.harnessreactive.ratelimit.redis.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Records a throttle in a partition's record, atomically (one Lua script, Redis's clock):
 *
 * <ul>
 *   <li>Outside a pause, a throttle starts an episode: the rate drops to {@code factor} times the
 *       rate in force (as {@link SharedRate#rateAt} computes it, never under the floor) and the
 *       partition pauses for the given time.</li>
 *   <li>Inside a pause, a throttle only lengthens the pause (a longer {@code Retry-After}). The
 *       429s that arrive during a pause answer requests sent before anyone knew of it, often by
 *       several instances at once: decreasing again for each would cut the fleet's rate to an
 *       eighth for one burst.</li>
 *   <li>The record expires {@code keep} after the rate is back at the ceiling.</li>
 * </ul>
 *
 * Needs Redis 5 or newer (a script that reads {@code TIME} before it writes).
 */
final class ThrottleScript {

  static final String SOURCE = """
      local time = redis.call('TIME')
      local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
      local pause, factor, floor = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
      local ceiling, slope, keep = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
      local record = redis.call('HMGET', KEYS[1], 'start', 'until', 'rate')
      local start, pausedUntil, rate = tonumber(record[1]), tonumber(record[2]), tonumber(record[3])
      if pausedUntil ~= nil and now < pausedUntil then
        pausedUntil = math.max(pausedUntil, now + pause)
      else
        local current = ceiling
        if pausedUntil ~= nil then
          current = math.min(ceiling, rate + slope * (now - pausedUntil) / 1000)
        end
        rate = math.max(floor, current * factor)
        start = now
        pausedUntil = now + pause
      end
      local recovered = pausedUntil
      if rate < ceiling then
        recovered = pausedUntil + math.ceil((ceiling - rate) / slope * 1000)
      end
      redis.call('HSET', KEYS[1], 'start', start, 'until', pausedUntil, 'rate', tostring(rate))
      redis.call('PEXPIRE', KEYS[1], recovered - now + keep)
      return {start, pausedUntil, tostring(rate)}
      """;

  private ThrottleScript() {
  }

  /** The script's arguments, in the order it reads them. */
  static byte[][] arguments(SharedRate rate, long pauseMillis, long keepMillis) {
    return new byte[][] {bytes(pauseMillis), bytes(rate.factor()), bytes(rate.floor()), bytes(rate.ceiling()),
        bytes(rate.slope()), bytes(keepMillis)};
  }

  /** The record the script returned. */
  static ThrottleRecord record(List<Object> reply) {
    return new ThrottleRecord((Long) reply.get(0), (Long) reply.get(1),
        Double.parseDouble(new String((byte[]) reply.get(2), StandardCharsets.US_ASCII)));
  }

  private static byte[] bytes(Object number) {
    return String.valueOf(number).getBytes(StandardCharsets.US_ASCII);
  }
}
