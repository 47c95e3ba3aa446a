package io.github.harnessreactive.boot.aot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.harnessreactive.core.HarnessService;
import java.io.IOException;
import java.text.DateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** The hints Spring AOT collects from {@code aot.factories}, checked with {@link RuntimeHintsPredicates}. */
class HarnessRuntimeHintsTest {

  private static final String GENERATED = "io.github.harnessreactive.generated.";
  private static final ClassLoader LOADER = HarnessRuntimeHintsTest.class.getClassLoader();
  private static final RuntimeHints HINTS = new RuntimeHints();

  @BeforeAll
  static void collectAsSpringAotDoes() {
    List<RuntimeHintsRegistrar> registrars = AotServices.factories(LOADER).load(RuntimeHintsRegistrar.class).asList();
    assertThat(registrars).as("registered in META-INF/spring/aot.factories").hasAtLeastOneElementOfType(HarnessRuntimeHints.class);
    registrars.stream().filter(HarnessRuntimeHints.class::isInstance).forEach(r -> r.registerHints(HINTS, LOADER));
  }

  @ParameterizedTest
  @ValueSource(strings = {"platform.ng.model.ProjectResponse:getProject", "platform.v1.model.CreateProjectRequest:getProject",
      "sei.v1.model.OrgUserDTO:getFullName", "sei.v2.model.CloudIdentity:getIdentity"})
  void aModelOfEachPackageCanBeBoundByJackson(String sample) throws Exception {
    String[] parts = sample.split(":");
    Class<?> model = Class.forName(GENERATED + parts[0]);
    String property = parts[1].substring("get".length());
    assertThat(RuntimeHintsPredicates.reflection().onType(model)).accepts(HINTS);
    assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(model.getConstructor())).accepts(HINTS);
    assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(model, "get" + property)).accepts(HINTS);
    assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(model, "set" + property)).accepts(HINTS);
  }

  @Test
  void enumFactoriesAndClassesNamedInJacksonAnnotationsAreReachable() throws Exception {
    Class<?> status = Class.forName(GENERATED + "platform.ng.model.ConnectorConnectivityDetails$StatusEnum");
    assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(status, "fromValue")).accepts(HINTS);
    assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(status, "getValue")).accepts(HINTS);
    // OrgUserDTO: @JsonDeserialize(as = LinkedHashSet.class)
    assertThat(RuntimeHintsPredicates.reflection().onType(LinkedHashSet.class)
        .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(HINTS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"platform.ng:ProjectsApi", "platform.v1:OrganizationsApi", "sei.v1:ScmApi", "sei.v2:DevelopersApi"})
  void theRuntimesReflectionOnApisAndApiClientsIsCovered(String sample) throws Exception {
    String[] parts = sample.split(":");
    Class<?> apiClient = Class.forName(GENERATED + parts[0] + ".invoker.ApiClient");
    Class<?> api = Class.forName(GENERATED + parts[0] + ".api." + parts[1]);
    assertThat(RuntimeHintsPredicates.reflection().onType(apiClient)).accepts(HINTS);
    assertThat(RuntimeHintsPredicates.reflection()
        .onConstructorInvocation(apiClient.getConstructor(WebClient.class, JsonMapper.class, DateFormat.class))).accepts(HINTS);
    assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(apiClient, "createDefaultDateFormat")).accepts(HINTS);
    assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(apiClient, "setBasePath")).accepts(HINTS);
    assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(api.getConstructor(apiClient))).accepts(HINTS);
  }

  @Test
  void jacksonCanFindAndBuildTheRecordMapDeserializer() throws Exception {
    Class<?> recordMap = Class.forName(HarnessRuntimeHints.RECORD_MAP);
    Class<?> deserializer = Class.forName(HarnessRuntimeHints.RECORD_MAP_DESERIALIZER);
    assertThat(recordMap.getAnnotation(tools.jackson.databind.annotation.JsonDeserialize.class).using()).isEqualTo(deserializer);
    assertThat(RuntimeHintsPredicates.reflection().onType(recordMap)).accepts(HINTS);
    assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(deserializer.getDeclaredConstructor())).accepts(HINTS);
  }

  @Test
  void theCatalogueTheVersionAndTheDocumentsAreResources() {
    List<String> resources = new ArrayList<>(List.of(HarnessRuntimeHints.CATALOGUE, HarnessRuntimeHints.VERSION));
    Arrays.stream(HarnessService.values()).map(HarnessRuntimeHints::document).forEach(resources::add);
    assertThat(resources).hasSize(6).allSatisfy(resource -> {
      assertThat(LOADER.getResource(resource)).as("on the class path: " + resource).isNotNull();
      assertThat(RuntimeHintsPredicates.resource().forResource(resource)).accepts(HINTS);
    });
  }

  @Test
  void everyGeneratedModelAndApiOnTheClassPathIsInTheIndex() throws IOException {
    GeneratedClassIndex index = GeneratedClassIndex.read(LOADER);
    List<String> onClassPath = topLevelClasses("model");
    assertThat(onClassPath).hasSizeGreaterThan(200);
    assertThat(index.models().stream().map(Class::getName)).containsExactlyInAnyOrderElementsOf(onClassPath);
    assertThat(index.apis().stream().map(Class::getName)).containsExactlyInAnyOrderElementsOf(topLevelClasses("api"));
    assertThat(index.apiClients()).hasSize(HarnessService.values().length);
  }

  /** The top-level classes of the generated packages of a kind, found by scanning the class path. */
  private static List<String> topLevelClasses(String kind) throws IOException {
    Resource[] classes = new PathMatchingResourcePatternResolver(LOADER)
        .getResources("classpath*:io/github/harnessreactive/generated/*/*/" + kind + "/*.class");
    return Arrays.stream(classes).map(HarnessRuntimeHintsTest::className).filter(name -> !name.contains("$"))
        .distinct().toList();
  }

  private static String className(Resource resource) {
    try {
      String url = resource.getURL().toString();
      String path = url.substring(url.indexOf("io/github/harnessreactive/generated/"));
      return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
