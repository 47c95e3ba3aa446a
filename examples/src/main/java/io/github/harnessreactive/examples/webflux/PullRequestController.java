package io.github.harnessreactive.examples.webflux;

import io.github.harnessreactive.sei.SeiClient;
import io.github.harnessreactive.sei.v1.ListQuery;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** {@code GET /pull-requests[?collection=42]} as NDJSON or server-sent events. */
@RestController
public class PullRequestController {

  private final SeiClient sei;

  public PullRequestController(SeiClient sei) {
    this.sei = sei;
  }

  @GetMapping(path = "/pull-requests", produces = {MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE})
  public Flux<Map<String, Object>> pullRequests(@RequestParam(required = false) Integer collection) {
    ListQuery query = collection == null ? ListQuery.all() : ListQuery.all().collections(collection);
    return sei.v1().scm().pullRequests(query);
  }
}
