package io.github.harnessreactive.boot.aot;

import io.github.harnessreactive.core.HarnessService;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.text.DateFormat;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a native image of an application using harness-reactive needs and static analysis cannot
 * see, registered for Spring AOT through {@code META-INF/spring/aot.factories}:
 *
 * <ul>
 *   <li>every generated model, bound by Jackson: fields, constructors, property accessors, the
 *       Jackson-annotated enum factories and the classes named in Jackson annotations, and the
 *       types they reach (Spring's {@link BindingReflectionHintsRegistrar});</li>
 *   <li>the runtime's own reflection: each {@code invoker.ApiClient} is loaded by name, built with
 *       its {@code (WebClient, JsonMapper, DateFormat)} constructor and configured through
 *       {@code createDefaultDateFormat()} and {@code setBasePath(String)}; each {@code *Api} class is
 *       built with its public {@code ApiClient} constructor; the records of map lists are read into
 *       {@code RecordMap}s, whose deserializer Jackson finds in the class's {@code @JsonDeserialize}
 *       and builds with its constructor;</li>
 *   <li>the class-path resources the runtime reads: the operation catalogue, the library version,
 *       and our OpenAPI documents (shipped for users to read too).</li>
 * </ul>
 *
 * <p>The generated classes come from {@link GeneratedClassIndex}, written at build time from the
 * generated sources, so new models are covered without touching this class.
 */
final class HarnessRuntimeHints implements RuntimeHintsRegistrar {

  static final String CATALOGUE = "META-INF/harness/operation-catalogue.json";
  /** Read by the runtime for the {@code User-Agent}; the test checks it is still there. */
  static final String VERSION = "io/github/harnessreactive/core/internal/version.properties";
  /** The runtime's compact map for records, and its deserializer (package-private, so named here). */
  static final String RECORD_MAP = "io.github.harnessreactive.core.internal.RecordMap";
  static final String RECORD_MAP_DESERIALIZER = "io.github.harnessreactive.core.internal.RecordMapDeserializer";

  @Override
  public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
    GeneratedClassIndex index = GeneratedClassIndex.read(classLoader);
    new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), index.models().toArray(Class<?>[]::new));
    for (Class<?> api : index.apis()) {
      hints.reflection().registerType(api, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
    }
    for (Class<?> apiClient : index.apiClients()) {
      hints.reflection().registerType(apiClient);
      hints.reflection().registerConstructor(constructor(apiClient), ExecutableMode.INVOKE);
      hints.reflection().registerMethod(method(apiClient, "createDefaultDateFormat"), ExecutableMode.INVOKE);
      hints.reflection().registerMethod(method(apiClient, "setBasePath", String.class), ExecutableMode.INVOKE);
    }
    hints.reflection().registerType(TypeReference.of(RECORD_MAP))
        .registerType(TypeReference.of(RECORD_MAP_DESERIALIZER), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
    hints.resources().registerPattern(CATALOGUE).registerPattern(VERSION);
    for (HarnessService service : HarnessService.values()) {
      hints.resources().registerPattern(document(service));
    }
  }

  /** Where harness-api-spec ships the service's OpenAPI document. */
  static String document(HarnessService service) {
    return "openapi/" + service.document() + ".yaml";
  }

  private static Constructor<?> constructor(Class<?> apiClient) {
    try {
      return apiClient.getConstructor(WebClient.class, JsonMapper.class, DateFormat.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(apiClient.getName() + " has no (WebClient, JsonMapper, DateFormat) constructor", e);
    }
  }

  private static Method method(Class<?> type, String name, Class<?>... parameterTypes) {
    Method method = ReflectionUtils.findMethod(type, name, parameterTypes);
    if (method == null) {
      throw new IllegalStateException(type.getName() + " has no method " + name);
    }
    return method;
  }
}
