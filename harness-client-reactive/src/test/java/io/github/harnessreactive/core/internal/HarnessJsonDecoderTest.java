package io.github.harnessreactive.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.generated.platform.ng.model.Failure;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOProjectResponse;
import io.github.harnessreactive.generated.sei.v2.model.DeveloperUpsertResponseDTO;
import org.junit.jupiter.api.Test;

/** Which successful bodies count as error envelopes. */
class HarnessJsonDecoderTest {

  /** The shape of SEI 2.0's {@code {status: "error", ...}} wrappers: a plain string status. */
  public static final class Wrapper {
    private final String status;

    Wrapper(String status) {
      this.status = status;
    }

    public String getStatus() {
      return status;
    }
  }

  @Test
  void ngStatusErrorAndFailureAreErrors() {
    assertThat(HarnessJsonDecoder.carriesError(new ResponseDTOProjectResponse().status(ResponseDTOProjectResponse.StatusEnum.ERROR))).isTrue();
    assertThat(HarnessJsonDecoder.carriesError(new Failure().status(Failure.StatusEnum.FAILURE))).isTrue();
    assertThat(HarnessJsonDecoder.carriesError(new ResponseDTOProjectResponse().status(ResponseDTOProjectResponse.StatusEnum.SUCCESS))).isFalse();
    assertThat(HarnessJsonDecoder.carriesError(new ResponseDTOProjectResponse())).isFalse();
  }

  @Test
  void aStringStatusOfErrorIsAnErrorWhateverItsCase() {
    assertThat(HarnessJsonDecoder.carriesError(new Wrapper("error"))).isTrue();
    assertThat(HarnessJsonDecoder.carriesError(new Wrapper("success"))).isFalse();
  }

  @Test
  void seiFailureResultsAreLeftToTheCallerAsPartialResults() {
    // SEI 2.0 answers bulk upserts 200 with status FAILURE and per-record errors: a result, not an exception.
    DeveloperUpsertResponseDTO upsert = new DeveloperUpsertResponseDTO().status(DeveloperUpsertResponseDTO.StatusEnum.FAILURE);
    assertThat(HarnessJsonDecoder.carriesError(upsert)).isFalse();
    assertThat(HarnessJsonDecoder.carriesError("not a model")).isFalse();
  }
}
