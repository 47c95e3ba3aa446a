package io.github.harnessreactive.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.harnessreactive.core.catalogue.PageShapes;
import io.github.harnessreactive.core.paging.PaginationException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The page judgement on its own, no HTTP: items judged one by one, then the page's end, for index
 * and cursor shapes; the guards that fire on an item (before early emission could deliver it) and
 * those that fire at the end; and records without an identity, which compare nothing (L12).
 */
class PageJudgeTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final PageJudge seiV1 = new PageJudge("listCommits", PageShapes.get("sei-v1-body"), 0, List.of("records"),
      ItemIdentity.at("id"));
  private final PageJudge anonymous = new PageJudge("listAggregates", PageShapes.get("sei-v1-body"), 0,
      List.of("records"), null);
  private final PageJudge cursor = new PageJudge("listThings", PageShapes.get("cursor"), 0, List.of("data.items"),
      ItemIdentity.at("id"));

  private static Map<String, Object> record(String id) {
    return Map.of("id", id, "value", 1);
  }

  private static Map<String, JsonNode> fields(Object... pathsAndValues) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndValues.length; i += 2) {
      Object value = pathsAndValues[i + 1];
      fields.put((String) pathsAndValues[i], value instanceof Boolean b ? NODES.booleanNode(b)
          : value instanceof Number n ? NODES.numberNode(n.longValue()) : NODES.stringNode((String) value));
    }
    return fields;
  }

  private static PageJudge.Verdict page(PageJudge judge, ListingPosition at, List<?> items, Map<String, JsonNode> fields) {
    PageJudge.Judgement judgement = judge.start(at);
    items.forEach(judgement::item);
    return judgement.end(true, fields, HttpHeaders.EMPTY, false);
  }

  @Test
  void aListingAdvancesPageByPageAndEndsWhenTheTotalIsReached() {
    ListingPosition start = ListingPosition.start(0, 2, 0, -1, null);
    PageJudge.Verdict first = page(seiV1, start, List.of(record("a"), record("b")),
        fields("_metadata.total_count", 3, "_metadata.page", 0, "_metadata.has_next", true));
    assertThat(first.last()).isFalse();
    assertThat(first.next()).isEqualTo(new ListingPosition(1, 2, 2, 3, null, List.of("a", "b")));

    PageJudge.Verdict second = page(seiV1, first.next(), List.of(record("c")),
        fields("_metadata.total_count", 3, "_metadata.page", 1, "_metadata.has_next", false));
    assertThat(second.last()).isTrue();
    assertThat(second.missingItems()).isZero();
    assertThat(second.failAfter()).isNull();
  }

  @Test
  void aPageWithMoreItemsThanAskedForFailsOnTheItemBeforeItCouldGoOut() {
    PageJudge.Judgement judgement = seiV1.start(ListingPosition.start(0, 2, 0, -1, null));
    judgement.item(record("a"));
    judgement.item(record("b"));
    assertThatThrownBy(() -> judgement.item(record("c"))).isInstanceOf(PaginationException.class)
        .hasMessageContaining("more than the 2 items asked for");
  }

  @Test
  void aRepeatedPageAndAShiftedListFailOnTheFirstItem() {
    ListingPosition afterAB = new ListingPosition(1, 2, 2, -1, null, List.of("a", "b"));
    assertThatThrownBy(() -> seiV1.start(afterAB).item(record("a"))).isInstanceOf(PaginationException.class)
        .hasMessageContaining("repeats the page");
    assertThatThrownBy(() -> seiV1.start(afterAB).item(record("b"))).isInstanceOf(PaginationException.class)
        .hasMessageContaining("the list shifted");
    seiV1.start(afterAB).item(record("c")); // the next item: fine
  }

  /** Projects of several organizations: the same identifier in two organizations is two projects. */
  @Test
  void anIdentityOfSeveralFieldsComparesThemAll() {
    PageJudge projects = new PageJudge("listProjects", PageShapes.get("sei-v1-body"), 0, List.of("records"),
        ItemIdentity.at("project.orgIdentifier, project.identifier"));
    Map<String, Object> p1InA = Map.of("project", Map.of("orgIdentifier", "a", "identifier", "p1"));
    Map<String, Object> p1InB = Map.of("project", Map.of("orgIdentifier", "b", "identifier", "p1"));
    ListingPosition start = ListingPosition.start(0, 1, 0, -1, null);

    PageJudge.Verdict first = page(projects, start, List.of(p1InA), fields());
    projects.start(first.next()).item(p1InB);
    assertThatThrownBy(() -> projects.start(first.next()).item(p1InA)).isInstanceOf(PaginationException.class)
        .hasMessageContaining("repeats the page");
  }

  @Test
  void recordsWithoutAnIdentityThatRepeatAcrossPagesDoNotEndTheListing() {
    Map<String, Object> row = Map.of("count", 1);
    ListingPosition start = ListingPosition.start(0, 2, 0, -1, null);
    PageJudge.Verdict first = page(anonymous, start, List.of(row, row), fields());
    PageJudge.Verdict second = page(anonymous, first.next(), List.of(row, row), fields());
    PageJudge.Verdict third = page(anonymous, second.next(), List.of(row), fields());
    assertThat(List.of(first.last(), second.last(), third.last())).containsExactly(false, false, true);
    assertThat(third.next().seen()).isEqualTo(5);

    // With an identity, an item without one (null) compares with nothing either.
    ListingPosition afterNull = new ListingPosition(1, 2, 2, -1, null, Arrays.asList(null, "b"));
    seiV1.start(afterNull).item(Map.of("value", 1));
  }

  @Test
  void metadataAtTheEndContradictingTheListingFailsThePage() {
    ListingPosition second = new ListingPosition(1, 2, 2, 10, null, List.of("a", "b"));
    assertThatThrownBy(() -> page(seiV1, second, List.of(record("c")), fields("_metadata.page", 0)))
        .isInstanceOf(PaginationException.class).hasMessageContaining("asked for page 1 but the server answered page 0 again");
    assertThatThrownBy(() -> page(seiV1, second, List.of(record("c")), fields("_metadata.total_count", 11)))
        .hasMessageContaining("the total changed from 10 to 11");
    ListingPosition nearEnd = new ListingPosition(1, 2, 2, 3, null, List.of("a", "b"));
    assertThatThrownBy(() -> page(seiV1, nearEnd, List.of(record("c"), record("d")), fields("_metadata.total_count", 3)))
        .hasMessageContaining("more than the total of 3");
    PageJudge.Judgement noItems = seiV1.start(second);
    assertThatThrownBy(() -> noItems.end(false, fields("status", "ok"), HttpHeaders.EMPTY, false))
        .hasMessageContaining("no item array at 'records'; fields seen: [status]");
  }

  @Test
  void missingItemsAtTheEndAreReportedAndFailOnlyAStrictListingAfterThePage() {
    ListingPosition second = new ListingPosition(1, 2, 2, 5, null, List.of("a", "b"));
    PageJudge.Judgement lenient = seiV1.start(second);
    lenient.item(record("c"));
    PageJudge.Verdict verdict = lenient.end(true, fields("_metadata.total_count", 5, "_metadata.has_next", false),
        HttpHeaders.EMPTY, false);
    assertThat(verdict.last()).isTrue();
    assertThat(verdict.missingItems()).isEqualTo(2);
    assertThat(verdict.failAfter()).isNull();

    PageJudge.Judgement strict = seiV1.start(second);
    strict.item(record("c"));
    assertThat(strict.end(true, fields("_metadata.total_count", 5, "_metadata.has_next", false), HttpHeaders.EMPTY, true)
        .failAfter()).hasMessageContaining("leaves 2 of 5 items missing");
  }

  @Test
  void aCursorListingFollowsTheCursorEndsWithoutOneAndRefusesACursorThatDoesNotMove() {
    ListingPosition start = ListingPosition.start(0, 2, 0, -1, null);
    PageJudge.Verdict first = page(cursor, start, List.of(record("a"), record("b")), fields("data.nextCursor", "c2"));
    assertThat(first.last()).isFalse();
    assertThat(first.next().cursor()).isEqualTo("c2");
    assertThat(first.next().nextIndex()).isEqualTo(1);

    // A short page with a cursor is not the end: the cursor is what says so.
    PageJudge.Verdict second = page(cursor, first.next(), List.of(record("c")), fields("data.nextCursor", "c3"));
    assertThat(second.last()).isFalse();
    PageJudge.Verdict third = page(cursor, second.next(), List.of(record("d")), fields("data.nextCursor", ""));
    assertThat(third.last()).isTrue();
    assertThat(third.next().cursor()).isNull();

    assertThatThrownBy(() -> page(cursor, second.next(), List.of(record("d")), fields("data.nextCursor", "c3")))
        .isInstanceOf(PaginationException.class).hasMessageContaining("hands back the cursor it was asked with");
  }

  @Test
  void aShapeThatReportsNoEndEndsOnAShortPageAndAPageCountingFromOneEndsOnTheLastPage() {
    PageJudge bare = new PageJudge("listJobs", PageShapes.get("bare-array"), 0, List.of(""), null);
    ListingPosition start = ListingPosition.start(0, 2, 0, -1, null);
    assertThat(page(bare, start, List.of(record("a"), record("b")), fields()).last()).isFalse();
    assertThat(page(bare, start, List.of(record("a")), fields()).last()).isTrue();

    PageJudge fromOne = new PageJudge("listExports", PageShapes.get("sei-v2-exports"), 1, List.of("exports"), null);
    ListingPosition pageOne = ListingPosition.start(1, 2, 0, -1, null);
    PageJudge.Verdict first = page(fromOne, pageOne, List.of(record("a"), record("b")),
        fields("pagination.page", 1, "pagination.totalPages", 2));
    assertThat(first.last()).isFalse();
    PageJudge.Verdict second = page(fromOne, first.next(), List.of(record("c"), record("d")),
        fields("pagination.page", 2, "pagination.totalPages", 2));
    assertThat(second.last()).isTrue();
  }
}
