package io.github.harnessreactive.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The boundaries of the project, over the main classes of every module (the generated client is
 * left out: it is neither ours to shape nor small). A new violation fails the build.
 */
@AnalyzeClasses(packages = "io.github.harnessreactive",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.WithoutGeneratedCode.class})
class ArchitectureTest {

  private static final String BASE = "io.github.harnessreactive.";
  private static final Pattern TOP_LEVEL_SLICE = Pattern.compile(Pattern.quote(BASE) + "([^.]+)(\\..*)?");

  /** Leaves out the classes OpenAPI Generator writes. */
  static final class WithoutGeneratedCode implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("/io/github/harnessreactive/generated/");
    }
  }

  /** The runtime's internals are its own: facades, the SEI module, the simulator and tools use the public API. */
  @ArchTest
  static final ArchRule onlyTheRuntimesCoreUsesItsInternalPackage = noClasses()
      .that().resideOutsideOfPackage("io.github.harnessreactive.core..")
      .should().dependOnClassesThat().resideInAPackage("io.github.harnessreactive.core.internal..")
      .because("core.internal is not API: other modules and the facades go through the public packages");

  /** Nothing puts a class into another module's internal package (a split package). */
  @ArchTest
  static final ArchRule nothingOutsideTheRuntimeLivesInItsInternalPackage = classes()
      .that().resideInAPackage("io.github.harnessreactive.core.internal..")
      .should(comeFromTheRuntimeModule());

  /** Every {@code internal} package is used only within its own top-level slice. */
  @ArchTest
  static final ArchRule internalPackagesStayInTheirSlice = classes()
      .that().resideInAPackage("io.github.harnessreactive..")
      .should(useNoOtherSlicesInternals());

  /** Dependencies point one way: no cycle between {@code io.github.harnessreactive.(*)..} slices. */
  @ArchTest
  static final ArchRule topLevelSlicesAreFreeOfCycles = slices()
      .matching("io.github.harnessreactive.(*)..")
      .should().beFreeOfCycles();

  private static ArchCondition<JavaClass> comeFromTheRuntimeModule() {
    return new ArchCondition<>("come from the harness-client-reactive jar") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        boolean runtime = type.getSource().map(source -> source.getUri().toString())
            .map(uri -> uri.contains("harness-client-reactive")).orElse(false);
        if (!runtime) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + " is in core.internal but not in harness-client-reactive"));
        }
      }
    };
  }

  private static ArchCondition<JavaClass> useNoOtherSlicesInternals() {
    return new ArchCondition<>("use no other top-level slice's internal package") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        String own = slice(type.getPackageName());
        for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getPackageName();
          if (target.startsWith(BASE) && target.contains(".internal") && !slice(target).equals(own)) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  private static String slice(String packageName) {
    Matcher matcher = TOP_LEVEL_SLICE.matcher(packageName);
    return matcher.matches() ? matcher.group(1) : packageName;
  }
}
