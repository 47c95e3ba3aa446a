package io.github.harnessreactive.simulator.internal.resources;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.harnessreactive.simulator.ResourceType;
import io.github.harnessreactive.simulator.internal.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SEI 2.0 teams ({@code /v2/teams}) of a project, which tests add through
 * {@code HarnessSimulator.resources()} (our documents have no operation that creates one): lists
 * by project, a team's settings by its {@code refId}, and its developers, joined with the
 * developer records by e-mail. Each team's fields: {@code refId}, {@code name}, and optionally
 * {@code developers} (e-mails), {@code managers} (e-mails) and {@code parentRefId}.
 */
final class TeamOperations {

  private static final String UPDATED_BY = "sei-admin@example.com";

  private TeamOperations() {
  }

  static void register(Crud crud, StatefulAnswers answers, Function<Call, ResponseDefinitionBuilder> sampled) {
    Dialect byRef = new Dialect(ResourceType.TEAM, "Team", call -> null, call -> call.path("teamRefId"), call -> null,
        TeamOperations::view);
    answers.on("sei-v2", "listTeams", crud.list(byRef, inProject(crud)));
    answers.on("sei-v2", "listTeamsBySearch", crud.list(byRef, inProject(crud)));
    answers.on("sei-v2", "getTeamInfo", call -> crud.answers().render(call, view(team(crud, call))));
    answers.on("sei-v2", "listTeamDevelopers", call -> developers(crud, call));
    answers.on("sei-v2", "getTeamIntegrations", call -> sampledFor(crud, call, sampled));
    answers.on("sei-v2", "getTeamIntegrationFilters", call -> sampledFor(crud, call, sampled));
  }

  private static ResponseDefinitionBuilder sampledFor(Crud crud, Call call, Function<Call, ResponseDefinitionBuilder> sampled) {
    team(crud, call);
    return sampled.apply(call);
  }

  /** The teams of the project the query names, or of every project when it names none. */
  private static Function<Call, List<StoredResource>> inProject(Crud crud) {
    return call -> {
      String org = call.query("orgIdentifier").orElse(null);
      String project = call.query("projectIdentifier").orElse(null);
      return crud.store().listAll(ResourceType.TEAM).stream()
          .filter(team -> org == null || org.equals(team.scope().get(0)))
          .filter(team -> project == null || project.equals(team.scope().get(1)))
          .toList();
    };
  }

  private static StoredResource team(Crud crud, Call call) {
    String refId = call.path("teamRefId");
    return crud.store().find(ResourceType.TEAM, refId)
        .orElseThrow(() -> Refusal.notFound("Team with refId " + refId + " not found"));
  }

  private static ResponseDefinitionBuilder developers(Crud crud, Call call) {
    StoredResource team = team(crud, call);
    List<JsonNode> members = new ArrayList<>();
    for (JsonNode email : team.fields().path("developers")) {
      var record = crud.store().get(ResourceType.DEVELOPER, List.of(), email.asString());
      ObjectNode member = Views.object();
      member.put("refId", record.map(StoredResource::sequence).orElse((long) members.size() + 1));
      member.put("name", record.map(r -> r.text("name")).orElse(email.asString()));
      member.put("email", email.asString());
      member.put("manual", true);
      member.put("shared", false);
      member.put("updatedAtEpochSec", team.updatedAt() / 1000);
      member.put("updatedByEmail", UPDATED_BY);
      member.putArray("identities");
      members.add(member);
    }
    return crud.pages().page(call, members, Map.of("teamRefId", Views.NODES.numberNode(Long.parseLong(team.key())),
        "totalDevelopers", Views.NODES.numberNode(members.size()), "sharedDevelopers", Views.NODES.numberNode(0)));
  }

  /** One view for the team list item and the team's settings; each keeps the fields its schema has. */
  private static JsonNode view(StoredResource team) {
    ObjectNode fields = team.fields();
    int refId = Integer.parseInt(team.key());
    ObjectNode view = Views.object();
    view.put("id", refId);
    view.put("refId", refId);
    view.set("parentRefId", Views.field(fields, "parentRefId", Views.NODES.nullNode()));
    view.set("name", fields.get("name"));
    view.set("displayName", fields.get("name"));
    view.put("status", "ACTIVE");
    view.set("teamManagers", Views.field(fields, "managers", Views.NODES.arrayNode()));
    view.put("developerCount", fields.path("developers").size());
    view.putArray("integrations");
    view.put("leaf", true);
    view.put("orgTreeId", 1);
    ObjectNode tree = view.putObject("orgTree");
    tree.put("id", 1);
    tree.put("name", "Engineering");
    tree.put("orgIdentifier", team.scope().get(0));
    tree.put("projectIdentifier", team.scope().get(1));
    view.put("createdAt", Views.iso(team.createdAt()));
    view.put("updatedAt", Views.iso(team.updatedAt()));
    view.put("createdByEmail", UPDATED_BY);
    view.put("updatedByEmail", UPDATED_BY);
    view.put("updatedBy", UPDATED_BY);
    return view;
  }
}
