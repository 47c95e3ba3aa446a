package io.github.harnessreactive.platform;

import static io.github.harnessreactive.core.Identifiers.requireIdentifier;
import static io.github.harnessreactive.core.Identifiers.requirePathValue;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.api.UserGroupsApi;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOBoolean;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOUserGroupDTO;
import io.github.harnessreactive.generated.platform.ng.model.UserFilter;
import io.github.harnessreactive.generated.platform.ng.model.UserGroupDTO;
import io.github.harnessreactive.generated.platform.ng.model.UserMetadataDTO;
import java.util.Arrays;
import reactor.core.publisher.Mono;

/** User groups and their members, at account, organization or project scope, over the Platform NG API ({@code /ng/api/user-groups}). */
public final class UserGroups {

  private final HarnessClient client;
  private final HarnessApi<UserGroupsApi> api;

  UserGroups(HarnessClient client) {
    this.client = client;
    this.api = client.api(UserGroupsApi.class);
  }

  /** The user groups of a scope, streamed page by page. */
  public PagedFlux<UserGroupDTO> list(Scope scope) {
    return api.paged("listUserGroups", UserGroupDTO.class, Arrays.asList(scope.orgIdentifier(), scope.projectIdentifier()),
        (a, page) -> a.listUserGroupsWithResponseSpec(Accounts.of(client), scope.orgIdentifier(), scope.projectIdentifier(),
            null, page.index(), page.size(), null, null));
  }

  /**
   * One user group; empty when Harness answers without one.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<UserGroupDTO> get(Scope scope, String identifier) {
    String id = requireIdentifier(identifier, "identifier");
    return api.call(a -> a.getUserGroup(Accounts.of(client), id, scope.orgIdentifier(), scope.projectIdentifier()))
        .mapNotNull(ResponseDTOUserGroupDTO::getData);
  }

  /**
   * Creates a user group at the scope its definition names. Not repeated after a transient failure.
   *
   * @throws IllegalArgumentException when the group's identifier is not a Harness identifier
   */
  public Mono<UserGroupDTO> create(UserGroupDTO group) {
    requireIdentifier(group.getIdentifier(), "identifier");
    return api.call(a -> a.createUserGroup(Accounts.of(client), group, group.getOrgIdentifier(), group.getProjectIdentifier()))
        .mapNotNull(ResponseDTOUserGroupDTO::getData);
  }

  /**
   * Replaces a user group (its {@code users} included).
   *
   * @throws IllegalArgumentException when the group's identifier is not a Harness identifier
   */
  public Mono<UserGroupDTO> update(UserGroupDTO group) {
    requireIdentifier(group.getIdentifier(), "identifier");
    return api.call(a -> a.updateUserGroup(Accounts.of(client), group, group.getOrgIdentifier(), group.getProjectIdentifier()))
        .mapNotNull(ResponseDTOUserGroupDTO::getData);
  }

  /**
   * Deletes a user group; answers it as it was.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public Mono<UserGroupDTO> delete(Scope scope, String identifier) {
    String id = requireIdentifier(identifier, "identifier");
    return api.call(a -> a.deleteUserGroup(Accounts.of(client), id, scope.orgIdentifier(), scope.projectIdentifier()))
        .mapNotNull(ResponseDTOUserGroupDTO::getData);
  }

  /**
   * The members of a user group, streamed page by page.
   *
   * @throws IllegalArgumentException when the identifier is not a Harness identifier
   */
  public PagedFlux<UserMetadataDTO> members(Scope scope, String identifier) {
    String id = requireIdentifier(identifier, "identifier");
    return api.paged("listUserGroupMembers", UserMetadataDTO.class,
        Arrays.asList(scope.orgIdentifier(), scope.projectIdentifier(), id),
        (a, page) -> a.listUserGroupMembersWithResponseSpec(id, Accounts.of(client), scope.orgIdentifier(),
            scope.projectIdentifier(), page.index(), page.size(), null, null, new UserFilter()));
  }

  /**
   * Whether a user is a member of a user group.
   *
   * @throws IllegalArgumentException when an identifier is not a Harness identifier
   */
  public Mono<Boolean> isMember(Scope scope, String identifier, String userId) {
    String id = requireIdentifier(identifier, "identifier");
    String user = requirePathValue(userId, "userId");
    return api.call(a -> a.isUserGroupMember(Accounts.of(client), id, user, scope.orgIdentifier(), scope.projectIdentifier()))
        .mapNotNull(ResponseDTOBoolean::getData);
  }

  /**
   * Adds a user to a user group; answers the group.
   *
   * @throws IllegalArgumentException when an identifier is not a Harness identifier
   */
  public Mono<UserGroupDTO> addMember(Scope scope, String identifier, String userId) {
    String id = requireIdentifier(identifier, "identifier");
    String user = requirePathValue(userId, "userId");
    return api.call(a -> a.addUserGroupMember(Accounts.of(client), id, user, scope.orgIdentifier(), scope.projectIdentifier()))
        .mapNotNull(ResponseDTOUserGroupDTO::getData);
  }

  /**
   * Removes a user from a user group; answers the group.
   *
   * @throws IllegalArgumentException when an identifier is not a Harness identifier
   */
  public Mono<UserGroupDTO> removeMember(Scope scope, String identifier, String userId) {
    String id = requireIdentifier(identifier, "identifier");
    String user = requirePathValue(userId, "userId");
    return api.call(a -> a.removeUserGroupMember(Accounts.of(client), id, user, scope.orgIdentifier(),
        scope.projectIdentifier())).mapNotNull(ResponseDTOUserGroupDTO::getData);
  }

}
