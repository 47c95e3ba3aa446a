package io.github.harnessreactive.simulator;

/**
 * The kinds of resource a stateful simulator keeps (see {@link SimulatorOptions#withState(boolean)}),
 * each with the field that identifies one in its scope.
 */
public enum ResourceType {
  /** Organizations of the account ({@code /ng/api/organizations}, {@code /v1/orgs}); key {@code identifier}. */
  ORGANIZATION("identifier"),
  /** Projects of an organization ({@code /ng/api/projects}, {@code /v1/orgs/{org}/projects}); key {@code identifier}. */
  PROJECT("identifier"),
  /** Connectors at account, organization or project scope ({@code /ng/api/connectors}); key {@code identifier}. */
  CONNECTOR("identifier"),
  /**
   * Pipelines of a project (created from YAML, read and changed over v1); key {@code identifier}.
   * The YAML is kept exactly as sent, in the field {@code yaml}.
   */
  PIPELINE("identifier"),
  /** SEI 2.0 developer records of the account ({@code /v2/developers}); key {@code email}, case-insensitive. */
  DEVELOPER("email"),
  /**
   * SEI 2.0 teams of a project ({@code /v2/teams}); key {@code refId}, assigned when absent. Our
   * documents have no operation that creates a team, so tests add them with
   * {@link SimulatorResources#put}; the field {@code developers} lists the e-mails of its members.
   */
  TEAM("refId"),
  /**
   * Secrets at account, organization or project scope ({@code /ng/api/v2/secrets}); key
   * {@code identifier}. A secret's value is never stored, so no answer can carry it (Harness
   * answers it as {@code null} too).
   */
  SECRET("identifier"),
  /**
   * Tokens of API keys ({@code /ng/api/token}), at their key's scope; key {@code identifier}. A
   * created token authenticates requests until it is deleted (revoked); the store keeps a SHA-256
   * digest of it ({@code tokenDigest}), never the token.
   */
  TOKEN("identifier");

  private final String keyField;

  ResourceType(String keyField) {
    this.keyField = keyField;
  }

  /** The field that identifies a resource of this type in its scope. */
  public String keyField() {
    return keyField;
  }
}
