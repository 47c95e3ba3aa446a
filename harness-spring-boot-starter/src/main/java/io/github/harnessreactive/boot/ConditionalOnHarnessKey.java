package io.github.harnessreactive.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when at least one of the named key properties holds a non-blank value. The values are
 * read as data by {@link HarnessKeys}: never evaluated (unlike {@code @ConditionalOnExpression},
 * which would put them into a SpEL expression) and never quoted in a message or a condition report.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnHarnessKeyCondition.class)
@interface ConditionalOnHarnessKey {

  /** The key properties, such as {@code harness.api-key}; any one set is enough. */
  String[] value();
}
