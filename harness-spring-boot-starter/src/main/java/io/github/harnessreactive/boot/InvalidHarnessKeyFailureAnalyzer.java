package io.github.harnessreactive.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a malformed key into a startup report that says which property to fix, without showing the key. */
final class InvalidHarnessKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidHarnessKeyException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidHarnessKeyException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set " + cause.property() + " to a Harness API key: a PAT (pat.<accountId>.<tokenId>.<secret>), a SAT "
            + "(sat....), or an SEI key as issued in SEI settings.",
        cause);
  }
}
