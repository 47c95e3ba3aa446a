package io.github.harnessreactive.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The path guard's rule, on raw paths as they would be sent (the filter itself is exercised over HTTP in DotSegmentsTest). */
class PathGuardFilterTest {

  @ParameterizedTest
  @CsvSource({
      "/v1/orgs/o/projects/p/pipelines/.., 6",
      "/v1/orgs/o/projects/p/pipelines/., 6",
      "/ng/api/projects/%2e%2e, 3",
      "/ng/api/projects/%2E%2e, 3",
      "/ng/api/projects/.%2E, 3",
      "/ng/api/projects/%252e%252e, 3",
      "/ng/api/projects/%25252E., 3",
      "/ng/api/projects/..;jsessionid=x, 3",
      "/ng/api/projects/a%2F..%2Fb, 3",
      "/ng/api/projects/a%5c.., 3",
      "/../ng/api, 0",
      "relative/../path, 1"})
  void aDotSegmentIsFoundHoweverItIsSpelled(String rawPath, int segment) {
    assertThat(PathGuardFilter.dotSegment(rawPath)).isEqualTo(segment);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "/ng/api/projects/p1", "/prod1/sei/api/v1/org/users/list", "/x/...", "/x/.a", "/x/a.",
      "/x/%2e%2e%2e", "/x/my_pipeline%241", "/x/a%2Fb", "/x//y", "/v1/orgs/o/projects/p/pipelines/p.v2"})
  void anythingElseIsLeftAlone(String rawPath) {
    assertThat(PathGuardFilter.dotSegment(rawPath)).isEqualTo(-1);
  }
}
