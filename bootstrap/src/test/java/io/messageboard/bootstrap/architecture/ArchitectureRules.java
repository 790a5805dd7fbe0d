package io.messageboard.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.regex.Pattern;

/**
 * The architecture rules, kept apart from the test that applies them so that each can be shown to
 * fail.
 */
final class ArchitectureRules {

  static final String DOMAIN = "io.messageboard.domain..";
  static final String APPLICATION = "io.messageboard.application..";
  static final String ADAPTERS = "io.messageboard.adapter..";

  /** Nullness annotations: no behaviour, allowed everywhere. */
  private static final String NULLNESS_ANNOTATIONS = "org.jspecify.annotations..";

  private static final String[] FRAMEWORKS = {
    "io.javalin..",
    "org.jdbi..",
    "io.micrometer..",
    "com.fasterxml.jackson..",
    "org.eclipse.jetty..",
    "com.zaxxer.hikari..",
    "org.flywaydb..",
    "org.mariadb..",
    "ch.vorburger.."
  };

  /** Packages of HTTP types, the JDK's included: the domain may name none of them. */
  private static final String[] HTTP_PACKAGES = {
    "java.net..", "javax.servlet..", "jakarta.servlet..", "io.javalin..", "org.eclipse.jetty.."
  };

  /** Words that name HTTP exchanges rather than the domain. */
  private static final Pattern HTTP_WORDS =
      Pattern.compile("(?i).*(response|status|header|http).*");

  private ArchitectureRules() {}

  static final ArchRule DOMAIN_DEPENDS_ON_THE_JDK_ONLY =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(DOMAIN, "java..", NULLNESS_ANNOTATIONS)
          .as("the domain depends on the JDK only (and nullness annotations)");

  static final ArchRule DOMAIN_USES_NO_HTTP_TYPE =
      noClasses()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(HTTP_PACKAGES)
          .as("the domain uses no HTTP type, not even the JDK's");

  static final ArchRule DOMAIN_NAMES_NO_HTTP_CONCEPT =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should(nameNoHttpConcept())
          .as("the domain names no response, status or header, and keeps no function in a field");

  static final ArchRule APPLICATION_DEPENDS_ON_THE_DOMAIN_ONLY =
      classes()
          .that()
          .resideInAPackage(APPLICATION)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(APPLICATION, DOMAIN, "java..", NULLNESS_ANNOTATIONS)
          .as("the application depends on the domain only (and nullness annotations)");

  static final ArchRule CORE_USES_NO_FRAMEWORK =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN, APPLICATION)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FRAMEWORKS)
          .as(
              "no Javalin, JDBI, Micrometer or Jackson type is used in the domain or the application");

  static final ArchRule ADAPTERS_ARE_INDEPENDENT_OF_EACH_OTHER =
      slices()
          .matching("io.messageboard.adapter.(*)..")
          .should()
          .notDependOnEachOther()
          .as("adapters do not depend on each other");

  static final ArchRule ADAPTERS_DO_NOT_USE_THE_APPLICATION =
      noClasses()
          .that()
          .resideInAPackage(ADAPTERS)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(APPLICATION)
          .as("adapters do not depend on the application");

  static final ArchRule NO_PACKAGE_CYCLES =
      slices()
          .matching("io.messageboard.(**)")
          .should()
          .beFreeOfCycles()
          .as("no two packages depend on each other, directly or around a cycle, in any module");

  static final ArchRule PORTS_ARE_INTERFACES =
      classes()
          .that()
          .resideInAPackage("io.messageboard.domain.port..")
          .should()
          .beInterfaces()
          .as("types in ports are interfaces");

  static final ArchRule EVERY_USE_CASE_HAS_A_SERVICE =
      classes()
          .that()
          .resideInAPackage("io.messageboard.domain.port.in..")
          .and()
          .haveSimpleNameEndingWith("UseCase")
          .should(beImplementedByAServiceOfTheSameName())
          .as("each …UseCase is implemented by a …Service");

  // "Request" is not among the words: a ClaimRequest or a PageRequest is the domain's own.
  private static ArchCondition<JavaClass> nameNoHttpConcept() {
    return new ArchCondition<>("name no HTTP concept") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        if (HTTP_WORDS.matcher(type.getSimpleName()).matches()) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + " is named after HTTP"));
        }
        for (JavaField field : type.getFields()) {
          if (HTTP_WORDS.matcher(field.getName()).matches()) {
            events.add(
                SimpleConditionEvent.violated(type, field.getFullName() + " is named after HTTP"));
          }
          if (field.getRawType().getPackageName().equals("java.util.function")) {
            events.add(
                SimpleConditionEvent.violated(
                    type, field.getFullName() + " holds a function, e.g. a renderer of responses"));
          }
        }
        for (JavaMethod method : type.getMethods()) {
          if (HTTP_WORDS.matcher(method.getName()).matches()) {
            events.add(
                SimpleConditionEvent.violated(type, method.getFullName() + " is named after HTTP"));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> beImplementedByAServiceOfTheSameName() {
    return new ArchCondition<>("be implemented by a …Service of the same name in the application") {
      @Override
      public void check(JavaClass useCase, ConditionEvents events) {
        String serviceName = useCase.getSimpleName().replaceFirst("UseCase$", "Service");
        boolean implemented =
            useCase.getAllSubclasses().stream()
                .anyMatch(
                    implementation ->
                        implementation.getSimpleName().equals(serviceName)
                            && implementation
                                .getPackageName()
                                .startsWith("io.messageboard.application"));
        String message =
            implemented
                ? useCase.getName() + " is implemented by " + serviceName
                : useCase.getName() + " has no " + serviceName + " in io.messageboard.application";
        events.add(new SimpleConditionEvent(useCase, implemented, message));
      }
    };
  }
}
