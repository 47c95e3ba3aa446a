package io.github.harnessreactive.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/** The one rule for a successful body that is an error, and how its status is read. */
class ErrorEnvelopeTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource({
      "ERROR, platform-ng, true",
      "error, sei-v2, true",
      "Error, platform-v1, true",
      "FAILURE, platform-ng, true",
      // SEI 2.0 answers bulk upserts 200 with status FAILURE and per-record errors: a result, not an exception.
      "FAILURE, sei-v2, false",
      "SUCCESS, platform-ng, false",
      "success, sei-v2, false"})
  void errorEverywhereFailureOnlyOnTheNgApi(String status, String document, boolean error) {
    assertThat(ErrorEnvelope.isError(status, document)).isEqualTo(error);
  }

  @Test
  void noStatusIsNoError() {
    assertThat(ErrorEnvelope.isError(null, "platform-ng")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"status\":\"ERROR\",\"code\":\"X\"}|ERROR",
      "{\"data\":{\"status\":\"ERROR\",\"items\":[1,{\"status\":\"ERROR\"}]},\"status\":\"SUCCESS\"}|SUCCESS",
      "{\"data\":{\"status\":\"ERROR\"}}|",
      "{\"status\":500,\"error\":\"Internal\"}|",
      "[{\"status\":\"ERROR\"}]|",
      "\"ERROR\"|"})
  void onlyATopLevelStringStatusIsRead(String body, String status) {
    try (JsonParser parser = JSON.createParser(body)) {
      assertThat(ErrorEnvelope.topLevelStatus(parser)).isEqualTo(status);
    }
  }
}
