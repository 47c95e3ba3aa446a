package io.github.harnessreactive.platform;

import io.github.harnessreactive.core.HarnessClient;
import java.util.Objects;

/**
 * The Platform facades of a {@link HarnessClient}: organizations, projects, connectors, pipelines,
 * pipeline runs, secrets, services, environments, infrastructures, users, user groups, service
 * accounts, API keys, tokens, variables and delegates over the NG API; organizations and projects
 * over the v1 API; and the {@linkplain #keyRotation() rotation} of the client's own token.
 *
 * <pre>{@code
 * PlatformClient platform = PlatformClient.of(client);
 * platform.projects().list("default").subscribe(project -> ...);
 * }</pre>
 *
 * <p>Holds no state of its own beyond the client: creating several over one client is cheap,
 * and every call goes through that client's layers. Thread-safe.
 */
public final class PlatformClient {

  private final Organizations organizations;
  private final Projects projects;
  private final Connectors connectors;
  private final Pipelines pipelines;
  private final PipelineExecutions executions;
  private final Secrets secrets;
  private final Services services;
  private final Environments environments;
  private final Infrastructures infrastructures;
  private final Users users;
  private final UserGroups userGroups;
  private final ServiceAccounts serviceAccounts;
  private final ApiKeys apiKeys;
  private final Tokens tokens;
  private final Variables variables;
  private final Delegates delegates;
  private final KeyRotation keyRotation;
  private final V1 v1;

  private PlatformClient(HarnessClient client) {
    this.organizations = new Organizations(client);
    this.projects = new Projects(client);
    this.connectors = new Connectors(client);
    this.pipelines = new Pipelines(client);
    this.executions = new PipelineExecutions(client);
    this.secrets = new Secrets(client);
    this.services = new Services(client);
    this.environments = new Environments(client);
    this.infrastructures = new Infrastructures(client);
    this.users = new Users(client);
    this.userGroups = new UserGroups(client);
    this.serviceAccounts = new ServiceAccounts(client);
    this.apiKeys = new ApiKeys(client);
    this.tokens = new Tokens(client);
    this.variables = new Variables(client);
    this.delegates = new Delegates(client);
    this.keyRotation = new KeyRotation(client, this);
    this.v1 = new V1(new V1Organizations(client), new V1Projects(client));
  }

  /**
   * The Platform facades over a client.
   *
   * @param client the client whose credential, account and layers every call uses
   * @return the facades
   * @throws NullPointerException when the client is {@code null}
   */
  public static PlatformClient of(HarnessClient client) {
    return new PlatformClient(Objects.requireNonNull(client, "client"));
  }

  /** Organizations (NG API). */
  public Organizations organizations() {
    return organizations;
  }

  /** Projects (NG API). */
  public Projects projects() {
    return projects;
  }

  /** Connectors (NG API). */
  public Connectors connectors() {
    return connectors;
  }

  /** Pipelines (NG pipeline service and v1 API). */
  public Pipelines pipelines() {
    return pipelines;
  }

  /** Pipeline runs: run, rerun, retry (v1 API); list and summary (NG pipeline service). */
  public PipelineExecutions executions() {
    return executions;
  }

  /** Secrets (NG API); values are written, never read back. */
  public Secrets secrets() {
    return secrets;
  }

  /** Services (NG API). */
  public Services services() {
    return services;
  }

  /** Environments (NG API). */
  public Environments environments() {
    return environments;
  }

  /** Infrastructure definitions of environments (NG API). */
  public Infrastructures infrastructures() {
    return infrastructures;
  }

  /** Users and their access at a scope (NG API). */
  public Users users() {
    return users;
  }

  /** User groups and their members (NG API). */
  public UserGroups userGroups() {
    return userGroups;
  }

  /** Service accounts (NG API). */
  public ServiceAccounts serviceAccounts() {
    return serviceAccounts;
  }

  /** API keys of users and service accounts (NG API). */
  public ApiKeys apiKeys() {
    return apiKeys;
  }

  /** Tokens of API keys (NG API); a new token is answered once, as an {@link IssuedToken}. */
  public Tokens tokens() {
    return tokens;
  }

  /** Variables (NG API). */
  public Variables variables() {
    return variables;
  }

  /** Delegates (NG API, list only). */
  public Delegates delegates() {
    return delegates;
  }

  /** Rotation of the token this client authenticates with. */
  public KeyRotation keyRotation() {
    return keyRotation;
  }

  /** Organizations and projects over the v1 API. */
  public V1 v1() {
    return v1;
  }

  /**
   * The v1 API's organizations and projects.
   *
   * @param organizations {@code /v1/orgs}
   * @param projects {@code /v1/orgs/{org}/projects}
   */
  public record V1(V1Organizations organizations, V1Projects projects) {
  }
}
