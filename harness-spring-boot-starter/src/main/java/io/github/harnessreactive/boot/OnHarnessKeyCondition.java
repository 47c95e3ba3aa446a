package io.github.harnessreactive.boot;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition of {@link ConditionalOnHarnessKey}; its report names the properties, never their values. */
final class OnHarnessKeyCondition extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnHarnessKey.class.getName());
    String[] properties = (String[]) attributes.get("value");
    ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnHarnessKey.class);
    return HarnessKeys.anySet(context.getEnvironment(), properties)
        ? ConditionOutcome.match(message.found("a key in one of").items((Object[]) properties))
        : ConditionOutcome.noMatch(message.didNotFind("a key in any of").items((Object[]) properties));
  }
}
