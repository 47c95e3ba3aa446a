package io.github.harnessreactive.simulator.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.harnessreactive.core.catalogue.OperationInfo;
import io.github.harnessreactive.simulator.SimulatorOptions;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stateless answers: built from the operation's success schema with sampled data, lists as
 * long as their configured size and generated page by page, so a list of millions costs no memory.
 */
final class SampledAnswers {

  /** The operations that start an export job or say where one stands ({@code createSprintExport}, {@code getAsyncExport}). */
  private static final Pattern EXPORT_JOB = Pattern.compile("(create|get)\\w*Export");

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
    JsonNode body = answers.sampler().sample(call.document(), success.schema(), 0);
    exportJobStatus(operation).ifPresent(status -> {
      if (body instanceof ObjectNode job && job.has("status")) {
        job.put("status", status);
      }
    });
    return Answers.json(success.status(), body);
  }

  /**
   * The status SEI 2.0 export jobs are answered with: a new job is {@code QUEUED}, and any job asked
   * about is {@code COMPLETED} (its file is the sampled CSV of its download), so an export flow runs
   * to its end against the simulator; a sampled status would be a random word the client would wait
   * on until its bound.
   */
  private static Optional<String> exportJobStatus(OperationInfo operation) {
    if (!"sei-v2".equals(operation.document())) {
      return Optional.empty();
    }
    String id = operation.operationId();
    if (EXPORT_JOB.matcher(id).matches()) {
      return Optional.of(id.startsWith("create") ? "QUEUED" : "COMPLETED");
    }
    return Optional.empty();
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
