package io.github.harnessreactive.boot.aotsample;

import io.github.harnessreactive.generated.platform.ng.model.ProjectResponse;
import io.github.harnessreactive.platform.PlatformClient;
import java.time.Duration;
import java.util.List;
import org.springframework.aot.AotDetector;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The smallest application on the starter, processed by {@code spring-boot-maven-plugin:process-aot}
 * at build time (see the starter's pom) and started by {@code AotProcessedApplicationTest} in a
 * child JVM with {@code -Dspring.aot.enabled=true}: it lists the projects of an organization (one
 * page, decoded into generated models) and prints one line for the test to read.
 */
@SpringBootApplication
public class AotSampleApplication {

  public static void main(String[] args) {
    SpringApplicationBuilder application = new SpringApplicationBuilder(AotSampleApplication.class)
        .web(WebApplicationType.NONE);
    try (ConfigurableApplicationContext context = application.run(args)) {
      List<ProjectResponse> projects = context.getBean(PlatformClient.class).projects().list("default")
          .collectList().block(Duration.ofSeconds(30));
      System.out.println("AOT-SAMPLE aot=" + AotDetector.useGeneratedArtifacts() + " projects=" + projects.size()
          + " first=" + projects.get(0).getProject().getIdentifier());
    }
  }
}
