package io.github.harnessreactive.core.catalogue;

import static io.github.harnessreactive.core.catalogue.PageShape.Meta.HAS_NEXT;
import static io.github.harnessreactive.core.catalogue.PageShape.Meta.IS_LAST;
import static io.github.harnessreactive.core.catalogue.PageShape.Meta.NEXT_CURSOR;
import static io.github.harnessreactive.core.catalogue.PageShape.Meta.PAGE_INDEX;
import static io.github.harnessreactive.core.catalogue.PageShape.Meta.PAGE_SIZE;
import static io.github.harnessreactive.core.catalogue.PageShape.Meta.TOTAL_ITEMS;
import static io.github.harnessreactive.core.catalogue.PageShape.Meta.TOTAL_PAGES;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The page shapes Harness uses (see {@code harness-api-spec/README.md}), each described as data.
 * Every shape also ends on an empty page, and, when it reports nothing stronger, on a page with
 * fewer items than asked for.
 */
public final class PageShapes {

  /** The name of the shape of lists that answer everything at once. */
  public static final String UNPAGED = "unpaged";

  private static final Map<String, PageShape> SHAPES = List.of(
      PageShape.named("ng-page-response")
          .body(TOTAL_ITEMS, "data.totalItems").body(TOTAL_PAGES, "data.totalPages")
          .body(PAGE_INDEX, "data.pageIndex").body(PAGE_SIZE, "data.pageSize").build(),
      PageShape.named("spring-page")
          .body(TOTAL_ITEMS, "data.totalElements").body(TOTAL_PAGES, "data.totalPages")
          .body(PAGE_INDEX, "data.number").body(PAGE_SIZE, "data.size").body(IS_LAST, "data.last").build(),
      PageShape.named("v1-headers")
          .header(TOTAL_ITEMS, "X-Total-Elements").header(PAGE_INDEX, "X-Page-Number").header(PAGE_SIZE, "X-Page-Size")
          .build(),
      // SEI v1 says has_next: true on a last page that is exactly full; the empty page after it ends the stream.
      PageShape.named("sei-v1-body")
          .body(TOTAL_ITEMS, "_metadata.total_count").body(PAGE_INDEX, "_metadata.page")
          .body(PAGE_SIZE, "_metadata.page_size").body(HAS_NEXT, "_metadata.has_next").build(),
      PageShape.named("sei-v2-records")
          .body(TOTAL_ITEMS, "totalCount").body(PAGE_INDEX, "pageIndex").body(PAGE_SIZE, "pageSize").build(),
      PageShape.named("sei-v2-items")
          .body(TOTAL_ITEMS, "totalItems").body(TOTAL_PAGES, "totalPages").body(PAGE_INDEX, "pageIndex")
          .body(PAGE_SIZE, "pageSize").body(HAS_NEXT, "hasNext").build(),
      PageShape.named("sei-v2-nested")
          .body(TOTAL_ITEMS, "pagination.totalElements").body(TOTAL_PAGES, "pagination.totalPages")
          .body(PAGE_INDEX, "pagination.pageNumber").body(PAGE_SIZE, "pagination.pageSize").build(),
      PageShape.named("sei-v2-developers")
          .body(TOTAL_ITEMS, "totalRecords").body(PAGE_INDEX, "pageIndex").body(PAGE_SIZE, "pageSize").build(),
      // Whether currentPage counts from 0 or 1 is not documented, so it is not compared with the request.
      PageShape.named("sei-v2-drilldown")
          .body(TOTAL_ITEMS, "pagination.totalItems").body(TOTAL_PAGES, "pagination.totalPages")
          .body(PAGE_SIZE, "pagination.pageSize").body(HAS_NEXT, "pagination.hasMore").build(),
      // NG v2-style lists: page/size in the query, the metadata in meta{}.
      PageShape.named("ng-page-meta")
          .body(PAGE_INDEX, "meta.page").body(PAGE_SIZE, "meta.size").body(TOTAL_ITEMS, "meta.totalElements")
          .body(TOTAL_PAGES, "meta.totalPages").body(HAS_NEXT, "meta.hasNext").build(),
      // A cursor/limit request answered {data{items, nextCursor, totalCount}}: the next cursor is the position.
      PageShape.named("cursor")
          .body(NEXT_CURSOR, "data.nextCursor").body(TOTAL_ITEMS, "data.totalCount").build(),
      // SEI 2.0 per-domain export lists: page/limit, {exports[], pagination{page,limit,total,totalPages,hasMore}}.
      PageShape.named("sei-v2-exports")
          .body(PAGE_INDEX, "pagination.page").body(PAGE_SIZE, "pagination.limit").body(TOTAL_ITEMS, "pagination.total")
          .body(TOTAL_PAGES, "pagination.totalPages").body(HAS_NEXT, "pagination.hasMore").build(),
      // A bare array with no metadata (the SEI 2.0 async-export job list): the last page is the first short one.
      PageShape.named("bare-array").build(),
      // SEI 2.0 activity logs: {records, total}.
      PageShape.named("sei-v2-activity-logs").body(TOTAL_ITEMS, "total").build(),
      // SEI 2.0 custom variables: {customVariables[], pageIndex, pageSize, totalItems, totalPages, hasNext, hasPrevious}.
      PageShape.named("sei-v2-custom-variables")
          .body(PAGE_INDEX, "pageIndex").body(PAGE_SIZE, "pageSize").body(TOTAL_ITEMS, "totalItems")
          .body(TOTAL_PAGES, "totalPages").body(HAS_NEXT, "hasNext").build(),
      PageShape.named(UNPAGED).build())
      .stream().collect(Collectors.toUnmodifiableMap(PageShape::name, Function.identity()));

  private PageShapes() {
  }

  /**
   * The description of a shape.
   *
   * @throws IllegalArgumentException for a shape the runtime does not know (a newer catalogue)
   */
  public static PageShape get(String name) {
    PageShape shape = SHAPES.get(name);
    if (shape == null) {
      throw new IllegalArgumentException("unknown page shape '" + name + "'; known: " + SHAPES.keySet());
    }
    return shape;
  }
}
