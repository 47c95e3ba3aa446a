package io.github.harnessreactive.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.exception.BadRequestException;
import io.github.harnessreactive.core.exception.NotFoundException;
import io.github.harnessreactive.core.paging.Page;
import io.github.harnessreactive.generated.platform.ng.model.ConnectorInfoDTO;
import io.github.harnessreactive.generated.platform.ng.model.Organization;
import io.github.harnessreactive.generated.platform.ng.model.Project;
import io.github.harnessreactive.generated.platform.ng.model.ProjectResponse;
import io.github.harnessreactive.platform.PlatformClient;
import io.github.harnessreactive.platform.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

/**
 * Organizations, projects, connectors and pipelines over HTTP through the Platform facades: what
 * is created is read back and listed as sent, updated, deleted; duplicates and missing
 * identifiers answer Harness's envelopes, raised as typed errors.
 */
class StatefulPlatformTest {

  static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  static HarnessSimulatorExtension harness = new HarnessSimulatorExtension(SimulatorOptions.defaults()
      .withRequestLimit(0, Duration.ofMinutes(1)));

  HarnessClient client;
  PlatformClient platform;

  @BeforeEach
  void client() {
    client = TestClients.platform(harness.simulator());
    platform = PlatformClient.of(client);
  }

  @AfterEach
  void close() {
    client.close();
  }

  private static Project project(String org, String identifier, String name) {
    return new Project().orgIdentifier(org).identifier(identifier).name(name).color("#0063F7").modules(List.of("CD"))
        .description("made by a test").tags(Map.of("team", "core"));
  }

  @Test
  void aProjectIsReadListedUpdatedAndDeletedAsSent() {
    var created = platform.projects().create(project("default", "payments_api", "Payments API")).block(WAIT);
    assertThat(created.getProject().getIdentifier()).isEqualTo("payments_api");

    ProjectResponse read = platform.projects().get("default", "payments_api").block(WAIT);
    assertThat(read.getProject()).isEqualTo(project("default", "payments_api", "Payments API"));
    assertThat(platform.projects().list("default").map(p -> p.getProject().getName()).collectList().block(WAIT))
        .containsExactly("Payments API");
    // the v1 API sees the same project
    assertThat(platform.v1().projects().get("default", "payments_api").block(WAIT).getProject().getName())
        .isEqualTo("Payments API");

    platform.projects().update(project("default", "payments_api", "Payments API v2")).block(WAIT);
    ProjectResponse updated = platform.projects().get("default", "payments_api").block(WAIT);
    assertThat(updated.getProject().getName()).isEqualTo("Payments API v2");
    assertThat(updated.getLastModifiedAt()).isGreaterThan(updated.getCreatedAt());

    assertThat(platform.projects().delete("default", "payments_api").block(WAIT)).isTrue();
    assertThatThrownBy(() -> platform.projects().get("default", "payments_api").block(WAIT))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.errorCode()).isEqualTo("RESOURCE_NOT_FOUND");
          assertThat(e.error().message()).contains("payments_api");
        });
  }

  @Test
  void aDuplicateIsABadRequestWithHarnessEnvelopeAndAMissingOneIsNotFound() {
    platform.projects().create(project("default", "checkout", "Checkout")).block(WAIT);

    assertThatThrownBy(() -> platform.projects().create(project("default", "checkout", "Another")).block(WAIT))
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("DUPLICATE_FIELD");
          assertThat(e.error().message()).isEqualTo("Project [checkout] in organization [default] already exists");
          assertThat(e.responseMessages()).singleElement().satisfies(m -> assertThat(m.level()).isEqualTo("ERROR"));
        });
    assertThatThrownBy(() -> platform.projects().update(project("default", "nowhere", "Nowhere")).block(WAIT))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> platform.projects().delete("default", "nowhere").block(WAIT)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> platform.projects().create(project("no_such_org", "p", "P")).block(WAIT))
        .isInstanceOfSatisfying(NotFoundException.class,
            e -> assertThat(e.error().message()).isEqualTo("Organization [no_such_org] not found"));
    assertThatThrownBy(() -> platform.projects().create(project("default", "9starts_with_a_digit", "P")).block(WAIT))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.errorCode()).isEqualTo("INVALID_REQUEST"));
    // the v1 API answers its own error body, mapped to the same types
    assertThatThrownBy(() -> platform.v1().projects().get("default", "nowhere").block(WAIT))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.errorCode()).isEqualTo("RESOURCE_NOT_FOUND"));
  }

  @Test
  void aConnectorIsKeptInItsScope() {
    platform.projects().create(project("default", "tour", "Tour")).block(WAIT);
    ConnectorInfoDTO docker = new ConnectorInfoDTO().name("dockerhub").identifier("dockerhub").orgIdentifier("default")
        .projectIdentifier("tour").type("DockerRegistry").description("public images")
        .spec(Map.of("connectorType", "DockerConnector", "dockerRegistryUrl", "https://index.docker.io/v2/",
            "providerType", "DockerHub", "auth", Map.of("type", "Anonymous")));
    platform.connectors().create(docker).block(WAIT);
    Scope tour = Scope.project("default", "tour");

    var read = platform.connectors().get(tour, "dockerhub").block(WAIT).getConnector();
    assertThat(read.getType()).isEqualTo("DockerRegistry");
    assertThat(read.getDescription()).isEqualTo("public images");
    assertThat(read.getSpec()).isEqualTo(docker.getSpec());
    assertThat(platform.connectors().list(tour).map(c -> c.getConnector().getIdentifier()).collectList().block(WAIT))
        .containsExactly("dockerhub");
    assertThat(platform.connectors().list(Scope.account()).collectList().block(WAIT)).isEmpty();
    assertThat(platform.connectors().testConnection(tour, "dockerhub").block(WAIT).getStatus()).hasToString("SUCCESS");

    platform.connectors().update(docker.description("mirrored images")).block(WAIT);
    assertThat(platform.connectors().get(tour, "dockerhub").block(WAIT).getConnector().getDescription())
        .isEqualTo("mirrored images");
    assertThatThrownBy(() -> platform.connectors().create(docker).block(WAIT))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.errorCode()).isEqualTo("DUPLICATE_FIELD"));
    assertThat(platform.connectors().delete(tour, "dockerhub").block(WAIT)).isTrue();
    assertThatThrownBy(() -> platform.connectors().testConnection(tour, "dockerhub").block(WAIT))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aPipelineKeepsItsYamlAsSent() {
    platform.projects().create(project("default", "tour", "Tour")).block(WAIT);
    String yaml = """
        pipeline:
          name: hello
          identifier: hello
          projectIdentifier: tour
          orgIdentifier: default
          # a comment, kept
          stages:
            - stage:
                name: say hello
                identifier: say_hello
                type: Custom
        """;

    assertThat(platform.pipelines().createFromYaml("default", "tour", yaml).block(WAIT).getIdentifier()).isEqualTo("hello");
    var read = platform.pipelines().get("default", "tour", "hello").block(WAIT);
    assertThat(read.getPipelineYaml()).isEqualTo(yaml);
    assertThat(read.getName()).isEqualTo("hello");
    var listed = platform.pipelines().list("default", "tour").collectList().block(WAIT);
    assertThat(listed).singleElement().satisfies(p -> {
      assertThat(p.getIdentifier()).isEqualTo("hello");
      assertThat(p.getStageNames()).containsExactly("say hello");
    });

    String changed = yaml.replace("name: hello", "name: hello again");
    platform.pipelines().updateFromYaml("default", "tour", "hello", "hello again", changed).block(WAIT);
    assertThat(platform.pipelines().get("default", "tour", "hello").block(WAIT).getPipelineYaml()).isEqualTo(changed);
    assertThatThrownBy(() -> platform.pipelines().createFromYaml("default", "tour", yaml).block(WAIT))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.errorCode()).isEqualTo("DUPLICATE_FIELD"));

    platform.pipelines().delete("default", "tour", "hello").block(WAIT);
    assertThatThrownBy(() -> platform.pipelines().get("default", "tour", "hello").block(WAIT))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void twoHundredFiftyCreatedProjectsPageInTheNgShape() {
    platform.organizations().create(new Organization().identifier("paging").name("Paging")).block(WAIT);
    Flux.range(0, 250)
        .concatMap(i -> platform.projects().create(project("paging", "project_" + i, "Project " + i)))
        .blockLast(WAIT);
    long before = harness.simulator().stats().requests();

    List<Page<ProjectResponse>> pages = platform.projects().list("paging").withPageSize(100).byPage().collectList().block(WAIT);

    assertThat(pages).hasSize(3);
    assertThat(pages).extracting(p -> p.items().size()).containsExactly(100, 100, 50);
    assertThat(pages.get(0).totalItems()).hasValue(250);
    assertThat(pages.stream().flatMap(p -> p.items().stream()).map(p -> p.getProject().getIdentifier()).toList())
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 250).mapToObj(i -> "project_" + i).toList());
    assertThat(harness.simulator().stats().requests() - before).isEqualTo(3);
    assertThat(platform.projects().list("default").collectList().block(WAIT)).isEmpty();

    // deleting the organization deletes its projects
    platform.organizations().delete("paging").block(WAIT);
    assertThat(harness.simulator().resources().list(ResourceType.PROJECT, Scope.org("paging"))).isEmpty();
  }
}
