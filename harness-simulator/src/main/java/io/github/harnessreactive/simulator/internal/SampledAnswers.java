package io.github.harnessreactive.simulator.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.harnessreactive.core.catalogue.OperationInfo;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.util.function.LongFunction;
import tools.jackson.databind.JsonNode;

/**
 * The stateless answers: built from the operation's success schema with sampled data, lists as
 * long as their configured size and generated page by page, so a list of millions costs no memory.
 */
final class SampledAnswers {

  private final SimulatorOptions options;
  private final Answers answers;
  private final Pages pages;

  SampledAnswers(SimulatorOptions options, Answers answers, Pages pages) {
    this.options = options;
    this.answers = answers;
    this.pages = pages;
  }

  ResponseDefinitionBuilder answer(Call call) {
    OperationInfo operation = call.operation();
    Answers.Success success = answers.success(operation);
    if (success.schema() == null) {
      return new ResponseDefinitionBuilder().withStatus(success.status());
    }
    if (success.mediaType().startsWith("text/")) {
      return new ResponseDefinitionBuilder().withStatus(success.status()).withHeader("Content-Type", success.mediaType())
          .withBody(csv(options.listSize(operation.operationId())));
    }
    if (Pages.paging(operation).isPresent()) {
      return pages.page(call, options.listSize(operation.operationId()), items(call));
    }
    return Answers.json(success.status(), answers.sampler().sample(call.document(), success.schema(), 0));
  }

  /** The items of a sampled list: plausible SEI records where SEI describes none, else from the item schema. */
  private LongFunction<JsonNode> items(Call call) {
    return switch (call.operation().operationId()) {
      case "listScmPullRequests" -> index -> PullRequests.pullRequest(options.seed(), index);
      case "listScmCommits" -> index -> PullRequests.commit(options.seed(), index);
      default -> pages.sampledItems(call);
    };
  }

  private static String csv(long lines) {
    StringBuilder text = new StringBuilder("team,period,metric,value\n");
    for (long i = 0; i < lines; i++) {
      text.append("team").append(i % 50).append(",2026-M").append(1 + i % 12).append(",deployment_frequency,")
          .append(i % 17).append('\n');
    }
    return text.toString();
  }
}
