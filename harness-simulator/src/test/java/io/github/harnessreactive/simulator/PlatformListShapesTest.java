package io.github.harnessreactive.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.paging.Page;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.platform.ng.api.SecretsApi;
import io.github.harnessreactive.generated.platform.ng.api.UsersApi;
import io.github.harnessreactive.generated.platform.ng.model.SecretResourceFilterDTO;
import io.github.harnessreactive.generated.platform.ng.model.SecretResponseWrapper;
import io.github.harnessreactive.generated.platform.ng.model.UserFilter;
import io.github.harnessreactive.generated.platform.ng.model.UserMetadataDTO;
import io.github.harnessreactive.generated.platform.v1.api.ServicesApi;
import io.github.harnessreactive.generated.platform.v1.model.ServiceResponse;
import io.github.harnessreactive.platform.ApiKeyOwner;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.platform.Scope;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every Platform list operation the coverage work added, paged by its true shape against the
 * simulator's sampled answers: 23 items in pages of 10 are three requests, 20 items two (the shape
 * says the second page is the last, no empty page is asked for), no items one.
 */
class PlatformListShapesTest {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final Scope PROJECT = Scope.project("default", "payments");

  /** Each new list, as a facade (or, for operations without one, the generated API) streams it. */
  static Map<String, Function<HarnessClient, PagedFlux<?>>> lists() {
    Map<String, Function<HarnessClient, PagedFlux<?>>> lists = new LinkedHashMap<>();
    lists.put("listSecrets", c -> PlatformClient.of(c).secrets().list(PROJECT));
    lists.put("listSecretsByFilter", c -> c.api(SecretsApi.class).paged("listSecretsByFilter", SecretResponseWrapper.class,
        List.of(), (api, page) -> api.listSecretsByFilterWithResponseSpec(SimulatorOptions.DEMO_ACCOUNT, null, null,
            page.index(), page.size(), null, new SecretResourceFilterDTO())));
    lists.put("listServices", c -> PlatformClient.of(c).services().list(PROJECT));
    lists.put("listEnvironments", c -> PlatformClient.of(c).environments().list(PROJECT));
    lists.put("listInfrastructures", c -> PlatformClient.of(c).infrastructures().list(PROJECT, "production"));
    lists.put("listUsers", c -> PlatformClient.of(c).users().list(Scope.account()));
    lists.put("listUsersByFilter", c -> c.api(UsersApi.class).paged("listUsersByFilter", UserMetadataDTO.class, List.of(),
        (api, page) -> api.listUsersByFilterWithResponseSpec(SimulatorOptions.DEMO_ACCOUNT, null, null, page.index(),
            page.size(), null, null, new UserFilter())));
    lists.put("listUserGroups", c -> PlatformClient.of(c).userGroups().list(Scope.account()));
    lists.put("listUserGroupMembers", c -> PlatformClient.of(c).userGroups().members(Scope.account(), "admins"));
    lists.put("listServiceAccounts", c -> PlatformClient.of(c).serviceAccounts().list(PROJECT));
    lists.put("listApiKeys", c -> PlatformClient.of(c).apiKeys().list(ApiKeyOwner.serviceAccount(PROJECT, "deployer")));
    lists.put("listTokens", c -> PlatformClient.of(c).tokens().list(ApiKeyOwner.serviceAccount(PROJECT, "deployer").key("ci")));
    lists.put("listVariables", c -> PlatformClient.of(c).variables().list(PROJECT));
    lists.put("listExecutions", c -> PlatformClient.of(c).executions().list("default", "payments"));
    lists.put("listProjectServices", c -> c.api(ServicesApi.class).paged("listProjectServices", ServiceResponse.class,
        List.of(), (api, page) -> api.listProjectServicesWithResponseSpec("default", "payments", page.index(),
            page.size(), null, null, null, null, null, null, null, null)));
    return lists;
  }

  @Test
  void severalPagesEndAtTheShortLastPage() {
    expectEveryList(23, 3);
  }

  @Test
  void aFullLastPageEndsTheListWithoutAskingForAnEmptyOne() {
    expectEveryList(20, 2);
  }

  @Test
  void anEmptyListIsOneRequest() {
    expectEveryList(0, 1);
  }

  @Test
  void theDelegateListIsAnsweredWholeInOneRequest() {
    try (HarnessSimulator simulator = HarnessSimulator.start(options(23));
        HarnessClient client = TestClients.platform(simulator)) {
      assertThat(PlatformClient.of(client).delegates().list(PROJECT).collectList().block(WAIT)).isNotEmpty()
          .allSatisfy(delegate -> assertThat(delegate.getName()).isNotBlank());
      assertThat(simulator.stats().requests()).isEqualTo(1);
    }
  }

  private static void expectEveryList(int items, int requests) {
    try (HarnessSimulator simulator = HarnessSimulator.start(options(items));
        HarnessClient client = TestClients.platform(simulator)) {
      lists().forEach((operation, list) -> {
        long before = simulator.stats().requests();
        List<? extends Page<?>> pages = list.apply(client).withPageSize(10).byPage().collectList().block(WAIT);
        assertThat(pages.stream().mapToLong(p -> p.items().size()).sum()).as("%s items", operation).isEqualTo(items);
        assertThat(pages.stream().flatMap(p -> p.items().stream()).distinct().count()).as("%s distinct items", operation)
            .isEqualTo(items);
        assertThat(simulator.stats().requests() - before).as("%s requests", operation).isEqualTo(requests);
      });
    }
  }

  private static SimulatorOptions options(int items) {
    return SimulatorOptions.defaults().withState(false).withDefaultListSize(items).withRequestLimit(0, Duration.ofMinutes(1));
  }
}
