/**
 * Build-time tools for the project's OpenAPI documents.
 *
 * <p>{@link io.github.harnessreactive.spec.tools.CatalogueWriter} turns the documents' vendor
 * extensions into the operation catalogue the runtime reads;
 * {@link io.github.harnessreactive.spec.tools.ReferenceFactsExtractor} extracts the plain facts of
 * Harness's published documents that the fidelity test compares ours with, and the facts-only
 * snapshots the importer reads; {@link io.github.harnessreactive.spec.tools.SpecUpdate} takes a
 * newer published document into our documents (drift report, then import);
 * {@link io.github.harnessreactive.spec.tools.GeneratedClassIndexWriter} lists the generated
 * classes reached by reflection, for native-image hints. None is a runtime dependency of the library.
 */
package io.github.harnessreactive.spec.tools;
