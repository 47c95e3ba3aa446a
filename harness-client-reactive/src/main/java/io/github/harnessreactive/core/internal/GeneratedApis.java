package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.HarnessService;
import java.lang.reflect.InvocationTargetException;
import java.text.DateFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds generated {@code *Api} classes on the runtime's WebClient: one generated
 * {@code ApiClient} per service, pointed at that service's base URL, and one instance of each API
 * class, created on first use. The generated classes are found by the naming convention of
 * harness-client-generated ({@code <service package>.api.*}, {@code <service package>.invoker.ApiClient}).
 */
final class GeneratedApis {

  private final WebClient webClient;
  private final JsonMapper mapper;
  private final Map<HarnessService, String> serviceUrls;
  private final Map<HarnessService, Object> apiClients = new ConcurrentHashMap<>();
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();

  GeneratedApis(WebClient webClient, JsonMapper mapper, Map<HarnessService, String> serviceUrls) {
    this.webClient = webClient;
    this.mapper = mapper;
    this.serviceUrls = Map.copyOf(serviceUrls);
  }

  /** The instance of a generated API class, wired to the runtime. */
  <T> T get(Class<T> apiClass) {
    return apiClass.cast(apis.computeIfAbsent(apiClass, this::create));
  }

  private Object create(Class<?> apiClass) {
    HarnessService service = HarnessService.of(apiClass);
    if (!apiClass.getName().startsWith(service.generatedPackage() + ".api.")) {
      throw new IllegalArgumentException(apiClass.getName() + " is not a generated API class (expected one under "
          + service.generatedPackage() + ".api)");
    }
    Object apiClient = apiClients.computeIfAbsent(service, s -> apiClient(s, apiClass.getClassLoader()));
    try {
      return apiClass.getConstructor(apiClient.getClass()).newInstance(apiClient);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + apiClass.getName(), unwrap(e));
    }
  }

  private Object apiClient(HarnessService service, ClassLoader loader) {
    try {
      Class<?> type = Class.forName(service.generatedPackage() + ".invoker.ApiClient", true, loader);
      DateFormat dateFormat = (DateFormat) type.getMethod("createDefaultDateFormat").invoke(null);
      Object client = type.getConstructor(WebClient.class, JsonMapper.class, DateFormat.class)
          .newInstance(webClient, mapper, dateFormat);
      type.getMethod("setBasePath", String.class).invoke(client, serviceUrls.get(service));
      return client;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create the generated ApiClient of " + service, unwrap(e));
    }
  }

  private static Throwable unwrap(ReflectiveOperationException e) {
    return e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
  }
}
