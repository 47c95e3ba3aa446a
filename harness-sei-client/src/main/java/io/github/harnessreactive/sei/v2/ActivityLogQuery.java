package io.github.harnessreactive.sei.v2;

import io.github.harnessreactive.generated.sei.v2.model.ActivityLogAction;
import io.github.harnessreactive.generated.sei.v2.model.ActivityLogItemType;
import java.util.List;

/**
 * Which activity log entries to list: every filter is optional, filters combine. Immutable: each
 * method returns a new query.
 *
 * <pre>{@code
 * ActivityLogQuery.all().itemTypes(ActivityLogItemType.ORG_TREE).actions(ActivityLogAction.DELETED)
 * }</pre>
 *
 * @param itemTypes only entries about these kinds of object; empty for all
 * @param emails only entries by these users; empty for all
 * @param actions only these actions; empty for all
 * @param startTime only entries from this time on, as SEI counts it (the unit of its
 *     {@code createdAt}); {@code null} for no lower bound
 * @param endTime only entries up to this time; {@code null} for no upper bound
 */
public record ActivityLogQuery(List<ActivityLogItemType> itemTypes, List<String> emails, List<ActivityLogAction> actions,
    Long startTime, Long endTime) {

  private static final ActivityLogQuery ALL = new ActivityLogQuery(List.of(), List.of(), List.of(), null, null);

  /**
   * A query; the lists are copied.
   *
   * @throws NullPointerException when a list is or holds {@code null}
   */
  public ActivityLogQuery {
    itemTypes = List.copyOf(itemTypes);
    emails = List.copyOf(emails);
    actions = List.copyOf(actions);
  }

  /** Every entry. */
  public static ActivityLogQuery all() {
    return ALL;
  }

  /**
   * Only entries about these kinds of object.
   *
   * @throws NullPointerException when a type is {@code null}
   */
  public ActivityLogQuery itemTypes(ActivityLogItemType... types) {
    return new ActivityLogQuery(List.of(types), emails, actions, startTime, endTime);
  }

  /**
   * Only entries by these users.
   *
   * @throws NullPointerException when an e-mail is {@code null}
   */
  public ActivityLogQuery emails(String... addresses) {
    return new ActivityLogQuery(itemTypes, List.of(addresses), actions, startTime, endTime);
  }

  /**
   * Only these actions.
   *
   * @throws NullPointerException when an action is {@code null}
   */
  public ActivityLogQuery actions(ActivityLogAction... kinds) {
    return new ActivityLogQuery(itemTypes, emails, List.of(kinds), startTime, endTime);
  }

  /**
   * Only entries between two times, as SEI counts them (the unit of an entry's {@code createdAt};
   * no source states it).
   *
   * @throws IllegalArgumentException when {@code end} is before {@code start}
   */
  public ActivityLogQuery between(long start, long end) {
    if (end < start) {
      throw new IllegalArgumentException("the end " + end + " is before the start " + start);
    }
    return new ActivityLogQuery(itemTypes, emails, actions, start, end);
  }

  /** A list parameter as the generated method takes it: {@code null} for no filter. */
  static <T> List<T> orNull(List<T> values) {
    return values.isEmpty() ? null : values;
  }
}
