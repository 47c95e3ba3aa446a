package io.github.harnessreactive.core.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * What the operation catalogue says about one operation of our OpenAPI documents.
 *
 * @param document the document it belongs to, such as {@code platform-ng}
 * @param operationId its operation id, a low-cardinality name for logs and metrics
 * @param method the HTTP method
 * @param path the path template, as the generated code sends it in the URI-template attribute
 * @param retrySafe whether repeating it after a transient failure is safe
 * @param accountParameters the account query parameters it declares
 * @param scopeParameters the organization and project query parameters it declares
 * @param paging how it pages, when it is a list
 */
public record OperationInfo(
    String document,
    String operationId,
    String method,
    String path,
    boolean retrySafe,
    List<String> accountParameters,
    List<String> scopeParameters,
    Optional<PagingSpec> paging) {

  public OperationInfo {
    accountParameters = List.copyOf(accountParameters);
    scopeParameters = List.copyOf(scopeParameters);
  }

  /**
   * The paging description of a list operation, as written in its {@code x-harness-paging}.
   *
   * @param shape the page shape's name
   * @param in {@code query} or {@code body}
   * @param pageParam the page index parameter or body field (for a cursor shape, the cursor's)
   * @param sizeParam the page size parameter or body field
   * @param items the dotted paths of the item arrays in the response body, in the order their items
   *     are listed ({@code ""}: a bare array); most shapes have one, the SEI 2.0 MTTR drill-down three
   * @param maxPageSize the largest page size to ask for
   * @param firstPage the index of the first page, 0 or 1, as the operation counts
   * @param identity the dotted path, inside an item, of what identifies it (such as {@code id} or
   *     {@code project.identifier}); {@code null} when items have no identity, so the guards that
   *     compare items across pages are off
   */
  public record PagingSpec(String shape, String in, String pageParam, String sizeParam, List<String> items,
      int maxPageSize, int firstPage, String identity) {

    /**
     * Copies the item paths.
     *
     * @throws IllegalArgumentException when {@code firstPage} is neither 0 nor 1
     */
    public PagingSpec {
      items = List.copyOf(items);
      if (firstPage != 0 && firstPage != 1) {
        throw new IllegalArgumentException("firstPage must be 0 or 1, got " + firstPage);
      }
    }
  }
}
