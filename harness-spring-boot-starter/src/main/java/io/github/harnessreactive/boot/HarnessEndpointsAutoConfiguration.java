package io.github.harnessreactive.boot;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * With actuator on the class path: the Harness keys are masked in {@code /actuator/configprops}
 * and {@code /actuator/env} even when {@code management.endpoint.*.show-values} shows values.
 * Active whether or not {@code harness.enabled} is set: the keys can sit in the environment either way.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class HarnessEndpointsAutoConfiguration {

  /**
   * The function Boot's {@code Sanitizer} applies to each value it would show.
   *
   * @param environment read once for the configured keys, as data
   * @return the sanitizing function
   */
  @Bean
  public SanitizingFunction harnessKeySanitizingFunction(Environment environment) {
    return new HarnessKeySanitizingFunction(HarnessKeys.values(environment));
  }
}
