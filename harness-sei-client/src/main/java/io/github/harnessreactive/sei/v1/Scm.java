package io.github.harnessreactive.sei.v1;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v1.api.ScmApi;
import java.util.Map;

/**
 * Source-control data ({@code /v1/scm}): commits, pull requests, committers and contributors,
 * each a record as SEI returns it (a map of its fields).
 */
public final class Scm {

  private final HarnessApi<ScmApi> api;

  Scm(HarnessClient client) {
    this.api = client.api(ScmApi.class);
  }

  /** Commits, streamed page by page. */
  public PagedFlux<Map<String, Object>> commits(ListQuery query) {
    return SeiV1Lists.list(api, "listScmCommits", SeiV1Lists.RECORD, query,
        (a, request) -> a.listScmCommitsWithResponseSpec(request, null));
  }

  /** Pull requests, streamed page by page. */
  public PagedFlux<Map<String, Object>> pullRequests(ListQuery query) {
    return SeiV1Lists.list(api, "listScmPullRequests", SeiV1Lists.RECORD, query,
        (a, request) -> a.listScmPullRequestsWithResponseSpec(request, null));
  }

  /** Committers, streamed page by page. */
  public PagedFlux<Map<String, Object>> committers(ListQuery query) {
    return SeiV1Lists.list(api, "listScmCommitters", SeiV1Lists.RECORD, query,
        (a, request) -> a.listScmCommittersWithResponseSpec(request, null));
  }

  /** Contributors as source control sees them, streamed page by page. */
  public PagedFlux<Map<String, Object>> contributors(ListQuery query) {
    return SeiV1Lists.list(api, "listScmContributors", SeiV1Lists.RECORD, query,
        (a, request) -> a.listScmContributorsWithResponseSpec(request, null));
  }
}
