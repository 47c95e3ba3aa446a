package io.github.harnessreactive.sei.v1;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v1.model.DefaultListRequest;
import io.github.harnessreactive.sei.SeiErrors;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.web.reactive.function.client.WebClient;

/** The one way every SEI v1 list is streamed: the query's body per page, SEI's 403 meaning on errors. */
final class SeiV1Lists {

  /** The item type of lists whose records SEI does not describe field by field. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static final Class<Map<String, Object>> RECORD = (Class) Map.class;

  private SeiV1Lists() {
  }

  static <A, T> PagedFlux<T> list(HarnessApi<A> api, String operationId, Class<T> itemType, ListQuery query,
      BiFunction<A, DefaultListRequest, WebClient.ResponseSpec> call) {
    return api.paged(operationId, itemType, List.of(query), (a, page) -> call.apply(a, query.toRequest(page)))
        .mapErrors(SeiErrors::forbidden);
  }
}
