/**
 * The spec importer: builds our OpenAPI documents from facts-only snapshots of Harness's published
 * descriptions ({@link io.github.harnessreactive.spec.tools.FactsSnapshot}), a
 * {@link io.github.harnessreactive.spec.tools.importer.Selection} and an
 * {@link io.github.harnessreactive.spec.tools.importer.Overlay} per document
 * ({@link io.github.harnessreactive.spec.tools.importer.SpecImporter}). The formats and rules are
 * described in {@code harness-api-spec/README.md}.
 */
package io.github.harnessreactive.spec.tools.importer;
