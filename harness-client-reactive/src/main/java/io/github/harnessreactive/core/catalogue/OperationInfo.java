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
   * @param pageParam the page index parameter or body field
   * @param sizeParam the page size parameter or body field
   * @param items the dotted path of the item array in the response body ({@code ""}: a bare array)
   * @param maxPageSize the largest page size to ask for
   */
  public record PagingSpec(String shape, String in, String pageParam, String sizeParam, String items, int maxPageSize) {
  }
}
