package io.github.harnessreactive.sei.v2;

import io.github.harnessreactive.core.HarnessClient;

/** The SEI 2.0 facades of one client (built with a PAT, SAT or SEI 2.0 key and its account). Thread-safe. */
public final class SeiV2 {

  private final Developers developers;
  private final Teams teams;
  private final OrgTrees orgTrees;
  private final EfficiencyInsights efficiency;
  private final InsightsExport export;
  private final Exports exports;
  private final Integrations integrations;
  private final CustomVariables customVariables;
  private final ActivityLogs activityLogs;

  /** For {@link io.github.harnessreactive.sei.SeiClient}; applications call {@code seiClient.v2()}. */
  public SeiV2(HarnessClient client) {
    this.developers = new Developers(client);
    this.teams = new Teams(client);
    this.orgTrees = new OrgTrees(client);
    this.efficiency = new EfficiencyInsights(client);
    this.export = new InsightsExport(client);
    this.exports = new Exports(client);
    this.integrations = new Integrations(client);
    this.customVariables = new CustomVariables(client);
    this.activityLogs = new ActivityLogs(client);
  }

  /** Developer records ({@code /v2/developers}). */
  public Developers developers() {
    return developers;
  }

  /** Teams ({@code /v2/teams}). */
  public Teams teams() {
    return teams;
  }

  /** Organisation trees ({@code /v2/org-trees}). */
  public OrgTrees orgTrees() {
    return orgTrees;
  }

  /** Efficiency (DORA) insights. */
  public EfficiencyInsights efficiency() {
    return efficiency;
  }

  /** The team and collection reports, streamed as they are built. */
  public InsightsExport export() {
    return export;
  }

  /** Export jobs as one stream each: start, wait, download (the asynchronous insights export and the per-domain ones). */
  public Exports exports() {
    return exports;
  }

  /** Integrations of the account ({@code /v2/integrations}). */
  public Integrations integrations() {
    return integrations;
  }

  /** Custom variables of a project and their team overrides ({@code /v2/custom-variables}). */
  public CustomVariables customVariables() {
    return customVariables;
  }

  /** The activity log of the account ({@code /v2/activity-logs}). */
  public ActivityLogs activityLogs() {
    return activityLogs;
  }

  /** The client's account, read at subscription; a context override still wins on the wire. */
  static String account(HarnessClient client) {
    return client.accountId().orElseThrow(() -> new IllegalStateException(
        "SEI 2.0 calls need the account id: build the client with a PAT/SAT or accountId(...)"));
  }
}
