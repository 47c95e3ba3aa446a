package io.github.harnessreactive.sei.v1;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v1.api.IssuesApi;
import java.util.Map;

/** Tickets: Jira issues ({@code /v1/jira_issues}) and other trackers' work items ({@code /v1/issue_mgmt/workitems}). */
public final class Issues {

  private final HarnessApi<IssuesApi> api;

  Issues(HarnessClient client) {
    this.api = client.api(IssuesApi.class);
  }

  /** Jira issues ({@code POST /v1/jira_issues/list}), each record as SEI returns it, streamed page by page. */
  public PagedFlux<Map<String, Object>> jira(ListQuery query) {
    return SeiV1Lists.list(api, "listJiraIssues", SeiV1Lists.RECORD, query,
        (a, request) -> a.listJiraIssuesWithResponseSpec(request, null));
  }

  /** Work items of the other issue trackers ({@code POST /v1/issue_mgmt/workitems/list}), streamed page by page. */
  public PagedFlux<Map<String, Object>> workItems(ListQuery query) {
    return SeiV1Lists.list(api, "listWorkItems", SeiV1Lists.RECORD, query,
        (a, request) -> a.listWorkItemsWithResponseSpec(request, null));
  }
}
