package io.github.harnessreactive.boot.aot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.util.ClassUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated classes reached by reflection, as harness-client-generated lists them at build
 * time in {@value #RESOURCE} (written by harness-spec-tools' {@code GeneratedClassIndexWriter}
 * right after OpenAPI Generator runs).
 *
 * @param models the model classes, which Jackson binds
 * @param apis the {@code *Api} classes, which the runtime instantiates by reflection
 * @param apiClients the {@code invoker.ApiClient} of each document, which the runtime loads by name
 */
record GeneratedClassIndex(List<Class<?>> models, List<Class<?>> apis, List<Class<?>> apiClients) {

  static final String RESOURCE = "META-INF/harness/generated-classes.json";

  /**
   * Reads the index and loads its classes.
   *
   * @throws IllegalStateException when the index or one of its classes is missing (a
   *     harness-client-generated jar from another build)
   */
  static GeneratedClassIndex read(ClassLoader classLoader) {
    try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing: is harness-client-generated on the class path?");
      }
      Map<String, List<String>> names = JsonMapper.builder().build().readValue(in, new TypeReference<>() { });
      return new GeneratedClassIndex(load(names, "models", classLoader), load(names, "apis", classLoader),
          load(names, "apiClients", classLoader));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static List<Class<?>> load(Map<String, List<String>> names, String kind, ClassLoader classLoader) {
    return names.getOrDefault(kind, List.of()).stream().<Class<?>>map(name -> {
      try {
        return ClassUtils.forName(name, classLoader);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(RESOURCE + " lists " + name + ", which is not on the class path", e);
      }
    }).toList();
  }
}
