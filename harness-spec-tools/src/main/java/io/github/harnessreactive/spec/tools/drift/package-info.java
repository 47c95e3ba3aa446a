/**
 * The drift report: what a newer source document changes for the operations one of our documents
 * covers, what of it breaks generated code, and which facades use what it breaks
 * ({@link io.github.harnessreactive.spec.tools.drift.DriftAnalyzer},
 * {@link io.github.harnessreactive.spec.tools.drift.FacadeUsage}).
 */
package io.github.harnessreactive.spec.tools.drift;
