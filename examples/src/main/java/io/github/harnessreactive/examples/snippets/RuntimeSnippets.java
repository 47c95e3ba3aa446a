package io.github.harnessreactive.examples.snippets;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.HarnessContext;
import io.github.harnessreactive.core.HarnessService;
import io.github.harnessreactive.core.credentials.AccessToken;
import io.github.harnessreactive.core.credentials.ApiKeyCredential;
import io.github.harnessreactive.core.credentials.BearerTokenCredential;
import io.github.harnessreactive.core.credentials.HarnessCredential;
import io.github.harnessreactive.core.credentials.SeiApiKeyCredential;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.core.resilience.RateLimitOptions;
import io.github.harnessreactive.core.resilience.TokenBucketRateLimiter;
import io.github.harnessreactive.generated.platform.ng.api.ProjectsApi;
import io.github.harnessreactive.generated.platform.ng.model.Project;
import io.github.harnessreactive.generated.platform.ng.model.ProjectResponse;
import io.github.harnessreactive.generated.platform.ng.model.ResponseDTOProjectResponse;
import io.github.harnessreactive.generated.platform.v1.api.OrganizationsApi;
import io.github.harnessreactive.generated.platform.v1.model.OrganizationResponse;
import io.github.harnessreactive.generated.sei.v2.api.TeamsApi;
import io.github.harnessreactive.generated.sei.v2.model.TeamSummary;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.platform.Scope;
import io.github.harnessreactive.sei.SeiClient;
import io.github.harnessreactive.sei.v1.ListQuery;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The snippets of the root README and of {@code harness-client-reactive/README.md}. */
final class RuntimeSnippets {

  private RuntimeSnippets() {
  }

  static void quickStart() {
    // snippet: quick-start
    HarnessClient client = HarnessClient.builder()
        .credential(ApiKeyCredential.of(System.getenv("HARNESS_API_KEY")))   // a PAT names its account
        .build();
    PlatformClient.of(client).projects().list("default")      // a lazy Flux, paged on demand
        .map(project -> project.getProject().getName())
        .subscribe(System.out::println);
    // end-snippet
  }

  static void credentials(Mono<AccessToken> tokenSource) {
    // snippet: credentials
    // A Platform PAT or SAT: sent as x-api-key; the account id is read from the token.
    HarnessClient platform = HarnessClient.builder()
        .credential(ApiKeyCredential.of(System.getenv("HARNESS_API_KEY")))   // pat.<account>.<tokenId>.<secret>
        .build();

    // An SEI 2.0 API key: also x-api-key, but opaque, so the account id must be given.
    HarnessClient sei2 = HarnessClient.builder()
        .credential(ApiKeyCredential.of(System.getenv("HARNESS_SEI_KEY")))
        .accountId("yourAccountId")
        .build();

    // An SEI v1 API key: sent as "Authorization: ApiKey <key>". Pick the SEI cluster of your account.
    HarnessClient sei1 = HarnessClient.builder()
        .credential(SeiApiKeyCredential.of(System.getenv("HARNESS_SEI_V1_KEY")))
        .serviceUrl(HarnessService.SEI_V1, "https://app.harness.io/gratis/sei/api")   // default: /prod1/sei/api
        .build();

    // A bearer token from your own source (identity provider, secrets manager): cached, refreshed
    // two minutes before it expires, fetched once however many calls need it at the same time.
    HarnessClient bearer = HarnessClient.builder()
        .credential(BearerTokenCredential.from("my-service", tokenSource))         // Mono<AccessToken>
        .accountId("yourAccountId")
        .build();
    // end-snippet
  }

  static HarnessClient rateLimiter(HarnessCredential key, MeterRegistry meterRegistry) {
    // snippet: rate-limiter
    TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(
        RateLimitOptions.defaults().withLimit(1000, Duration.ofMinutes(1)),   // your key's API-call limit
        Schedulers.parallel(), meterRegistry);
    HarnessClient client = HarnessClient.builder().credential(key).rateLimiter(limiter).build();
    // end-snippet
    return client;
  }

  static HarnessClient signedTokens(HarnessCredential key) {
    // snippet: signed-tokens
    byte[] tokenKey = Base64.getDecoder().decode(System.getenv("HARNESS_TOKEN_KEY"));   // 32+ random bytes, secret
    HarnessClient client = HarnessClient.builder().credential(key)
        .continuationTokenKey(tokenKey)      // only tokens signed with this key resume
        .build();
    // end-snippet
    return client;
  }

  static void escapeHatch(HarnessClient platform) {
    // snippet: escape-hatch
    HarnessApi<ProjectsApi> projects = platform.api(ProjectsApi.class);      // ...generated.platform.ng.api
    Mono<ResponseDTOProjectResponse> project =
        projects.call(api -> api.getProject("apisample", platform.accountId().orElseThrow(), "default"));
    Flux<OrganizationResponse> orgs =                                          // ...generated.platform.v1.api
        platform.api(OrganizationsApi.class).callMany(api -> api.listOrganizations(null, null, null, 0, 50, null, null));
    // end-snippet
  }

  static void pagedFlux(HarnessClient client, Logger log) {
    // snippet: paged-flux
    PagedFlux<ProjectResponse> projects = PlatformClient.of(client).projects().list("default");

    projects.subscribe(project -> log.info("{}", project.getProject().getIdentifier()));   // every item, lazily
    projects.byPage().subscribe(page ->                        // pages with their metadata
        log.info("page {}: {} of {} items", page.index(), page.items().size(), page.totalItems()));
    projects.withPageSize(20).withLookahead(0).take(5);        // at most the first page is fetched
    // end-snippet
  }

  static void earlyEmission(SeiClient sei, Consumer<Map<String, Object>> store) {
    // snippet: early-emission
    sei.v1().scm().pullRequests(ListQuery.all())
        .withEarlyEmission()                                    // each record as its last byte arrives
        .subscribe(store);
    // end-snippet
  }

  static void anyListOperation(HarnessClient client, String account, String org, String project) {
    // snippet: any-list-operation
    PagedFlux<TeamSummary> teams = client.api(TeamsApi.class).paged("listTeams", TeamSummary.class,
        List.of(org, project),                                    // what continuation tokens are bound to
        (api, page) -> api.listTeamsWithResponseSpec(account, org, project, null, page.index(), page.size()));
    // end-snippet
  }

  static void platformFacades(HarnessClient client, String yaml) {
    // snippet: platform-facades
    PlatformClient platform = PlatformClient.of(client);
    platform.projects().create(new Project().orgIdentifier("default").identifier("apisample").name("APISample"));
    platform.connectors().testConnection(Scope.project("default", "apisample"), "dockerhub");
    platform.pipelines().createFromYaml("default", "apisample", yaml);           // Content-Type: application/yaml
    platform.executions().run("default", "apisample", "api_example", null);
    platform.v1().organizations().list();                                         // the v1 API, paged by headers
    // end-snippet
  }

  static void tenants(HarnessApi<ProjectsApi> projects, HarnessClient platform, HarnessCredential tenantKey) {
    // snippet: tenants
    projects.call(api -> api.getProject("apisample", platform.accountId().orElseThrow(), null))
        .contextWrite(HarnessContext.account("tenantAccount").withCredential(tenantKey));
    // end-snippet
  }
}
