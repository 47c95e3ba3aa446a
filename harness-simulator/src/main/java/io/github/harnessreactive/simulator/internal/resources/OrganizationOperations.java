package io.github.harnessreactive.simulator.internal.resources;

import io.github.harnessreactive.simulator.ResourceType;
import io.github.harnessreactive.simulator.internal.Call;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Organizations over the NG API ({@code /ng/api/organizations}) and the v1 API ({@code /v1/orgs}). */
final class OrganizationOperations {

  private OrganizationOperations() {
  }

  static void register(Crud crud, StatefulAnswers answers) {
    Dialect ng = new Dialect(ResourceType.ORGANIZATION, "Organization", call -> List.of(), call -> call.path("identifier"),
        call -> Crud.bodyObject(call, "organization"), OrganizationOperations::ngView);
    answers.on("platform-ng", "createOrganization", crud.create(ng));
    answers.on("platform-ng", "getOrganization", crud.get(ng));
    answers.on("platform-ng", "updateOrganization", crud.update(ng));
    answers.on("platform-ng", "deleteOrganization", crud.delete(ng));
    answers.on("platform-ng", "listOrganizations", crud.list(ng, matching(crud)));

    Dialect v1 = new Dialect(ResourceType.ORGANIZATION, "Organization", call -> List.of(), call -> call.path("org"),
        call -> Crud.bodyObject(call, "org"), OrganizationOperations::v1View);
    answers.on("platform-v1", "createOrganization", crud.create(v1));
    answers.on("platform-v1", "getOrganization", crud.get(v1));
    answers.on("platform-v1", "updateOrganization", crud.update(v1));
    answers.on("platform-v1", "deleteOrganization", crud.delete(v1));
    answers.on("platform-v1", "listOrganizations", crud.list(v1, matching(crud)));
  }

  /** The organizations whose identifier or name contains the {@code searchTerm}, if any. */
  private static Function<Call, List<StoredResource>> matching(Crud crud) {
    return call -> crud.store().list(ResourceType.ORGANIZATION, List.of()).stream()
        .filter(org -> SearchTerm.matches(call, org))
        .toList();
  }

  private static JsonNode ngView(StoredResource org) {
    ObjectNode view = Views.object();
    view.set("organization", org.fields());
    view.put("createdAt", org.createdAt());
    view.put("lastModifiedAt", org.updatedAt());
    view.put("harnessManaged", ResourceStore.DEFAULT_ORG.equals(org.key()));
    return view;
  }

  private static JsonNode v1View(StoredResource org) {
    ObjectNode view = Views.object();
    view.set("org", org.fields());
    view.put("created", org.createdAt());
    view.put("updated", org.updatedAt());
    view.put("harness_managed", ResourceStore.DEFAULT_ORG.equals(org.key()));
    return view;
  }
}
