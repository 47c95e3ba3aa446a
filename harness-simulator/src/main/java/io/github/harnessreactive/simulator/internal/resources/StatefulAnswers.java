package io.github.harnessreactive.simulator.internal.resources;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.harnessreactive.core.catalogue.OperationCatalogue;
import io.github.harnessreactive.simulator.internal.Answers;
import io.github.harnessreactive.simulator.internal.Call;
import io.github.harnessreactive.simulator.internal.Pages;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operations answered from the store, by document and operation id. Each kind of resource
 * registers its operations here (one class per kind, so adding a kind is adding a class and a
 * line below); every other operation keeps its sampled answer.
 */
public final class StatefulAnswers {

  private final Map<String, Function<Call, ResponseDefinitionBuilder>> handlers = new HashMap<>();
  private final Answers answers;
  private final ResourceStore store;

  /**
   * @param store the state
   * @param answers answer and error builders
   * @param pages the page writer
   * @param sampled the stateless answer, for operations that only need their resource to exist
   */
  public StatefulAnswers(ResourceStore store, Answers answers, Pages pages, Function<Call, ResponseDefinitionBuilder> sampled) {
    this.answers = answers;
    this.store = store;
    Crud crud = new Crud(store, answers, pages);
    OrganizationOperations.register(crud, this);
    ProjectOperations.register(crud, this);
    ConnectorOperations.register(crud, this, sampled);
    PipelineOperations.register(crud, this, sampled);
    DeveloperOperations.register(crud, this);
    TeamOperations.register(crud, this, sampled);
    SecretOperations.register(crud, this);
    TokenOperations.register(crud, this);
  }

  /** Whether a credential is a token created through the API and not deleted since. */
  public boolean issuedTokenAccepted(String credential) {
    return TokenOperations.accepted(store, credential);
  }

  /**
   * Answers an operation from the store by this handler.
   *
   * @throws IllegalArgumentException when the document has no such operation (a catalogue that
   *     changed under the simulator)
   */
  void on(String document, String operationId, Function<Call, ResponseDefinitionBuilder> handler) {
    OperationCatalogue.get().require(document, operationId);
    handlers.put(document + ' ' + operationId, handler);
  }

  /** The stateful answer to a request, or empty when its operation keeps the sampled answer. */
  public Optional<ResponseDefinitionBuilder> answer(Call call) {
    Function<Call, ResponseDefinitionBuilder> handler = handlers.get(call.document() + ' ' + call.operation().operationId());
    if (handler == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(handler.apply(call));
    } catch (Refusal refusal) {
      return Optional.of(answers.error(call.document(), refusal.status(), refusal.code(), refusal.getMessage()));
    }
  }
}
