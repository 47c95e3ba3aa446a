package io.github.harnessreactive.core;

import io.github.harnessreactive.core.credentials.HarnessCredential;
import io.github.harnessreactive.core.resilience.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Per-call overrides carried in the Reactor {@link Context}: the account, organization, project,
 * credential, retry policy or deadline one call should use instead of the client's. A service that acts for many tenants
 * keeps one client and writes the tenant into each call's context:
 *
 * <pre>{@code
 * projects.call(api -> api.listProjects(...))
 *     .contextWrite(HarnessContext.account("tenantAccount").withCredential(tenantKey));
 * }</pre>
 *
 * <p>Writes compose: a {@code contextWrite} closer to the call overrides, field by field, one
 * further away. Values the request already carries explicitly are never replaced. Immutable.
 */
public final class HarnessContext implements Function<Context, Context> {

  private static final Object KEY = HarnessContext.class;
  private static final HarnessContext NONE = new HarnessContext(null, null, null, null, null, null);

  private final String accountId;
  private final String orgIdentifier;
  private final String projectIdentifier;
  private final HarnessCredential credential;
  private final RetryPolicy retryPolicy;
  private final Duration deadline;

  private HarnessContext(String accountId, String orgIdentifier, String projectIdentifier, HarnessCredential credential,
      RetryPolicy retryPolicy, Duration deadline) {
    this.accountId = accountId;
    this.orgIdentifier = orgIdentifier;
    this.projectIdentifier = projectIdentifier;
    this.credential = credential;
    this.retryPolicy = retryPolicy;
    this.deadline = deadline;
  }

  /** No overrides. */
  public static HarnessContext none() {
    return NONE;
  }

  /**
   * Calls under this context act for another account.
   *
   * @throws IllegalArgumentException when the value is not an account id ({@link Identifiers#ACCOUNT_PATTERN})
   */
  public static HarnessContext account(String accountId) {
    return NONE.withAccount(accountId);
  }

  /**
   * Calls under this context authenticate with another credential.
   *
   * @throws IllegalArgumentException when the credential is {@code null}
   */
  public static HarnessContext credential(HarnessCredential credential) {
    return NONE.withCredential(credential);
  }

  /**
   * Calls under this context default to this organization where the operation takes one.
   *
   * @throws IllegalArgumentException when the value is not a Harness identifier ({@link Identifiers#IDENTIFIER_PATTERN})
   */
  public static HarnessContext org(String orgIdentifier) {
    return NONE.withOrg(orgIdentifier);
  }

  /**
   * Calls under this context repeat failures by this policy instead of the client's.
   *
   * @throws IllegalArgumentException when the policy is {@code null}
   */
  public static HarnessContext retryPolicy(RetryPolicy policy) {
    return NONE.withRetryPolicy(policy);
  }

  /**
   * These overrides, acting for another account.
   *
   * @throws IllegalArgumentException when the value is not an account id ({@link Identifiers#ACCOUNT_PATTERN})
   */
  public HarnessContext withAccount(String accountId) {
    return new HarnessContext(Identifiers.requireAccountId(accountId, "accountId"), orgIdentifier, projectIdentifier, credential, retryPolicy,
        deadline);
  }

  /**
   * These overrides, defaulting to this organization where an operation takes one and the call left it out.
   *
   * @throws IllegalArgumentException when the value is not a Harness identifier ({@link Identifiers#IDENTIFIER_PATTERN})
   */
  public HarnessContext withOrg(String orgIdentifier) {
    return new HarnessContext(accountId, Identifiers.requireIdentifier(orgIdentifier, "orgIdentifier"), projectIdentifier, credential,
        retryPolicy, deadline);
  }

  /**
   * These overrides, defaulting to this project where an operation takes one and the call left it out.
   *
   * @throws IllegalArgumentException when the value is not a Harness identifier ({@link Identifiers#IDENTIFIER_PATTERN})
   */
  public HarnessContext withProject(String projectIdentifier) {
    return new HarnessContext(accountId, orgIdentifier, Identifiers.requireIdentifier(projectIdentifier, "projectIdentifier"), credential,
        retryPolicy, deadline);
  }

  /**
   * These overrides, authenticating with another credential (its own rate-limit partition).
   *
   * @throws IllegalArgumentException when the credential is {@code null}
   */
  public HarnessContext withCredential(HarnessCredential credential) {
    if (credential == null) {
      throw new IllegalArgumentException("credential must not be null");
    }
    return new HarnessContext(accountId, orgIdentifier, projectIdentifier, credential, retryPolicy, deadline);
  }

  /**
   * These overrides, repeating failures by another policy.
   *
   * @throws IllegalArgumentException when the policy is {@code null}
   */
  public HarnessContext withRetryPolicy(RetryPolicy policy) {
    if (policy == null) {
      throw new IllegalArgumentException("policy must not be null");
    }
    return new HarnessContext(accountId, orgIdentifier, projectIdentifier, credential, policy, deadline);
  }

  /**
   * These overrides, with another deadline: for a call answering one value, the whole call, all
   * attempts together; for a stream, the time to its first item.
   *
   * @throws IllegalArgumentException when the deadline is {@code null}, zero or negative
   */
  public HarnessContext withDeadline(Duration deadline) {
    if (deadline == null || deadline.isZero() || deadline.isNegative()) {
      throw new IllegalArgumentException("deadline must be positive");
    }
    return new HarnessContext(accountId, orgIdentifier, projectIdentifier, credential, retryPolicy, deadline);
  }

  /** The deadline of calls instead of the client's, if overridden. */
  public Optional<Duration> deadline() {
    return Optional.ofNullable(deadline);
  }

  /** The account calls act for instead of the client's, if overridden. */
  public Optional<String> accountId() {
    return Optional.ofNullable(accountId);
  }

  /** The default organization of calls, if set. */
  public Optional<String> orgIdentifier() {
    return Optional.ofNullable(orgIdentifier);
  }

  /** The default project of calls, if set. */
  public Optional<String> projectIdentifier() {
    return Optional.ofNullable(projectIdentifier);
  }

  /** The credential calls authenticate with instead of the client's, if overridden. */
  public Optional<HarnessCredential> credential() {
    return Optional.ofNullable(credential);
  }

  /** The retry policy of calls instead of the client's, if overridden. */
  public Optional<RetryPolicy> retryPolicy() {
    return Optional.ofNullable(retryPolicy);
  }

  /**
   * Calls under this context have this deadline instead of the client's (see {@link #withDeadline}).
   *
   * @throws IllegalArgumentException when the deadline is {@code null}, zero or negative
   */
  public static HarnessContext deadline(Duration deadline) {
    return NONE.withDeadline(deadline);
  }

  /** Puts these overrides into a context, over any the context already holds. */
  @Override
  public Context apply(Context context) {
    HarnessContext outer = from(context);
    return context.put(KEY, new HarnessContext(
        accountId != null ? accountId : outer.accountId,
        orgIdentifier != null ? orgIdentifier : outer.orgIdentifier,
        projectIdentifier != null ? projectIdentifier : outer.projectIdentifier,
        credential != null ? credential : outer.credential,
        retryPolicy != null ? retryPolicy : outer.retryPolicy,
        deadline != null ? deadline : outer.deadline));
  }

  /** The overrides a context carries; {@link #none()} when it carries none. */
  public static HarnessContext from(ContextView context) {
    return context.getOrDefault(KEY, NONE);
  }

  @Override
  public String toString() {
    return "HarnessContext[account=" + accountId + ", org=" + orgIdentifier + ", project=" + projectIdentifier
        + ", credential=" + credential + ", retryPolicy=" + retryPolicy + ", deadline=" + deadline + "]";
  }
}
