package io.github.harnessreactive.sei.v2;

import static io.github.harnessreactive.sei.v2.ActivityLogQuery.orNull;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v2.api.ActivityLogsApi;
import io.github.harnessreactive.generated.sei.v2.model.ActivityLog;
import io.github.harnessreactive.sei.SeiErrors;
import java.util.List;
import java.util.Objects;

/**
 * The activity log of the account ({@code GET /v2/activity-logs}): who changed what in SEI, newest
 * first. In no published description; its shape comes from Harness's npm client. Thread-safe.
 */
public final class ActivityLogs {

  private final HarnessApi<ActivityLogsApi> api;

  ActivityLogs(HarnessClient client) {
    this.api = client.api(ActivityLogsApi.class);
  }

  /** Every entry, streamed page by page. */
  public PagedFlux<ActivityLog> list() {
    return list(ActivityLogQuery.all());
  }

  /**
   * The entries the query selects, streamed page by page.
   *
   * @throws NullPointerException when {@code query} is {@code null}
   */
  public PagedFlux<ActivityLog> list(ActivityLogQuery query) {
    Objects.requireNonNull(query, "query");
    return api.paged("listActivityLogs", ActivityLog.class, List.of(query),
        (a, page) -> a.listActivityLogsWithResponseSpec(orNull(query.itemTypes()), orNull(query.emails()),
            orNull(query.actions()), query.startTime(), query.endTime(), page.index(), page.size()))
        .mapErrors(SeiErrors::forbidden);
  }
}
