package io.github.harnessreactive.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.harnessreactive.core.catalogue.OperationInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The page a request asks for, for a list that counts its pages from 1 ({@code firstPage: 1}): no
 * operation of our documents does yet, so this is the one place it is checked. Page 1 is the first
 * position, page 0 is refused as a negative index is for lists counted from 0.
 */
class PagesWindowTest {

  static final OperationInfo.PagingSpec FROM_ONE =
      new OperationInfo.PagingSpec("sei-v2-exports", "query", "page", "limit", List.of("exports"), 50, 1, "exportId");
  static final OperationInfo LIST = new OperationInfo("sei-v2", "listFromOne", "GET", "/v2/things", true, List.of(),
      List.of(), Optional.of(FROM_ONE));

  @Test
  void aListCountedFromOneStartsAtPageOne() {
    assertThat(Pages.window(call("?page=1&limit=10"), FROM_ONE)).isEqualTo(new Pages.Window(1, 0, 10));
    assertThat(Pages.window(call("?page=3&limit=10"), FROM_ONE)).isEqualTo(new Pages.Window(3, 2, 10));
    assertThat(Pages.window(call("?limit=10"), FROM_ONE)).as("no page: the first").isEqualTo(new Pages.Window(1, 0, 10));
    assertThatThrownBy(() -> Pages.window(call("?page=0&limit=10"), FROM_ONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be below 1");
  }

  private static Call call(String query) {
    return new Call(LIST, Map.of(), URI.create("http://127.0.0.1/v2/things" + query), "", "key");
  }
}
