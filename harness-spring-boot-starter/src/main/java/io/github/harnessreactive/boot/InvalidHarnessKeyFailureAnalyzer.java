package io.github.harnessreactive.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a malformed key into a startup report that says which property to fix, without showing the key. */
final class InvalidHarnessKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidHarnessKeyException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidHarnessKeyException cause) {
    String expected = HarnessKeys.SEI_V1_API_KEY.equals(cause.property())
        ? "an SEI v1 API key as issued in SEI settings (one token, no whitespace)"
        : "a Harness API key: a PAT (pat.<accountId>.<tokenId>.<secret>), a SAT (sat....), or an SEI 2.0 key";
    return new FailureAnalysis(cause.getMessage(), "Set " + cause.property() + " to " + expected + ".", cause);
  }
}
