package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requirePathValue;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.api.UsersApi;
import io.github.harnessreactive.generated.platform.ng.model.ACLAggregateFilter;
import io.github.harnessreactive.generated.platform.ng.model.AddUsersDTO;
import io.github.harnessreactive.generated.platform.ng.model.AddUsersResponse;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOAddUsersResponse;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOBoolean;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOUserAggregateDTO;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOUserInfo;
import io.github.harnessreactive.generated.platform.ng.model.UserAggregateDTO;
import io.github.harnessreactive.generated.platform.ng.model.UserInfo;
import java.util.Arrays;
import reactor.core.publisher.Mono;

/**
 * The users who have access at a scope, over the Platform NG API ({@code /ng/api/user}). Listing
 * is a {@code POST} that only reads, so it is repeated after a transient failure like a
 * {@code GET}.
 */
public final class Users {

  private final HarnessClient client;
  private final HarnessApi<UsersApi> api;

  Users(HarnessClient client) {
    this.client = client;
    this.api = client.api(UsersApi.class);
  }

  /** The users with access at a scope, with their role assignments there, streamed page by page. */
  public PagedFlux<UserAggregateDTO> list(Scope scope) {
    return api.paged("listUsers", UserAggregateDTO.class, Arrays.asList(scope.orgIdentifier(), scope.projectIdentifier()),
        (a, page) -> a.listUsersWithResponseSpec(Accounts.of(client), scope.orgIdentifier(), scope.projectIdentifier(), null,
            page.index(), page.size(), null, null, new ACLAggregateFilter()));
  }

  /**
   * One user with the role assignments at a scope; empty when Harness answers without one.
   *
   * @throws IllegalArgumentException when the user id is blank, {@code .} or {@code ..}
   */
  public Mono<UserAggregateDTO> get(Scope scope, String userId) {
    String id = requirePathValue(userId, "userId");
    return api.call(a -> a.getUser(id, Accounts.of(client), scope.orgIdentifier(), scope.projectIdentifier()))
        .mapNotNull(ResponseDTOUserAggregateDTO::getData);
  }

  /** The user the client's API key belongs to (a personal access token's owner). */
  public Mono<UserInfo> current() {
    return api.call(a -> a.getCurrentUser(Accounts.of(client))).mapNotNull(ResponseDTOUserInfo::getData);
  }

  /** Adds (or invites) users by e-mail to a scope, with the role bindings and user groups the request names. */
  public Mono<AddUsersResponse> add(Scope scope, AddUsersDTO users) {
    return api.call(a -> a.addUsers(Accounts.of(client), users, scope.orgIdentifier(), scope.projectIdentifier()))
        .mapNotNull(ResponseDTOAddUsersResponse::getData);
  }

  /**
   * Removes a user from a scope; {@code true} when Harness removed them.
   *
   * @throws IllegalArgumentException when the user id is blank, {@code .} or {@code ..}
   */
  public Mono<Boolean> remove(Scope scope, String userId) {
    String id = requirePathValue(userId, "userId");
    return api.call(a -> a.removeUser(id, Accounts.of(client), scope.orgIdentifier(), scope.projectIdentifier()))
        .mapNotNull(ResponseDTOBoolean::getData);
  }

}
