/**
 * The operation catalogue: what harness-reactive knows about each operation of its OpenAPI
 * documents beyond what the generated code carries (retry safety, account and scope parameters,
 * how a list pages), and the page shapes Harness uses, described as data.
 *
 * <p>Public because tools built on the runtime share it: the simulator answers every catalogued
 * operation in its page shape, and facades look list operations up in it. <b>Unstable until
 * 1.0</b>: page shapes and paging descriptions will change as more of Harness's page shapes are
 * covered; applications should reach paging through {@link io.github.harnessreactive.core.paging.PagedFlux}.
 */
package io.github.harnessreactive.core.catalogue;
