package io.github.harnessreactive.simulator.internal.resources;

import io.github.harnessreactive.simulator.ResourceType;
import io.github.harnessreactive.simulator.internal.Call;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Projects over the NG API ({@code /ng/api/projects}, the organization in the query, {@code default}
 * when absent as NG does) and the v1 API ({@code /v1/orgs/{org}/projects}). Both see the same
 * projects; the stored fields use the NG names.
 */
final class ProjectOperations {

  private ProjectOperations() {
  }

  static void register(Crud crud, StatefulAnswers answers) {
    Dialect ng = new Dialect(ResourceType.PROJECT, "Project", ProjectOperations::ngScope, call -> call.path("identifier"),
        call -> withOrg(Crud.bodyObject(call, "project"), ngScope(call)), ProjectOperations::ngView);
    answers.on("platform-ng", "createProject", crud.create(ng));
    answers.on("platform-ng", "getProject", crud.get(ng));
    answers.on("platform-ng", "updateProject", crud.update(ng));
    answers.on("platform-ng", "deleteProject", crud.delete(ng));
    answers.on("platform-ng", "listProjects", crud.list(ng, inOrganizations(crud, "orgIdentifier")));
    answers.on("platform-ng", "listProjectsWithMultiOrgFilter", crud.list(ng, inOrganizations(crud, "orgIdentifiers")));

    Dialect v1 = new Dialect(ResourceType.PROJECT, "Project", call -> List.of(call.path("org")), call -> call.path("project"),
        call -> withOrg(Crud.bodyObject(call, "project"), List.of(call.path("org"))), ProjectOperations::v1View);
    answers.on("platform-v1", "createProject", crud.create(v1));
    answers.on("platform-v1", "getProject", crud.get(v1));
    answers.on("platform-v1", "updateProject", crud.update(v1));
    answers.on("platform-v1", "deleteProject", crud.delete(v1));
    answers.on("platform-v1", "listProjects", crud.list(v1,
        call -> crud.store().list(ResourceType.PROJECT, List.of(call.path("org"))).stream()
            .filter(project -> SearchTerm.matches(call, project)).toList()));
  }

  /** The organization of an NG project request: the query's, else the body's, else {@code default}. */
  private static List<String> ngScope(Call call) {
    String org = call.query("orgIdentifier")
        .orElseGet(() -> {
          String inBody = Crud.text(call.json().path("project"), "orgIdentifier");
          return inBody == null ? ResourceStore.DEFAULT_ORG : inBody;
        });
    return List.of(org);
  }

  /** The projects of the organizations the parameter names, or of every organization when it names none. */
  private static Function<Call, List<StoredResource>> inOrganizations(Crud crud, String parameter) {
    return call -> {
      List<String> orgs = call.queryValues(parameter);
      return crud.store().listAll(ResourceType.PROJECT).stream()
          .filter(project -> orgs.isEmpty() || orgs.contains(project.scope().get(0)))
          .filter(project -> SearchTerm.matches(call, project))
          .toList();
    };
  }

  private static ObjectNode withOrg(ObjectNode project, List<String> scope) {
    if (project != null) {
      project.put("orgIdentifier", scope.get(0));
    }
    return project;
  }

  private static JsonNode ngView(StoredResource project) {
    ObjectNode view = Views.object();
    view.set("project", project.fields());
    view.put("createdAt", project.createdAt());
    view.put("lastModifiedAt", project.updatedAt());
    view.put("isFavorite", false);
    return view;
  }

  private static JsonNode v1View(StoredResource project) {
    ObjectNode view = Views.object();
    view.set("project", Views.renamed(project.fields(), "orgIdentifier", "org"));
    view.put("created", project.createdAt());
    view.put("updated", project.updatedAt());
    view.put("isFavorite", false);
    return view;
  }
}
