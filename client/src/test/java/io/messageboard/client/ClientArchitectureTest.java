package io.messageboard.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The client is a driving adapter of its own: it speaks the domain's language and the wire format,
 * never the server's adapters, its application or a framework.
 */
@AnalyzeClasses(packages = "io.messageboard.client", importOptions = DoNotIncludeTests.class)
class ClientArchitectureTest {

  @ArchTest
  static final ArchRule the_client_depends_on_the_domain_the_JDK_and_Jackson_only =
      classes()
          .that()
          .resideInAPackage("io.messageboard.client..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "io.messageboard.client..",
              "io.messageboard.domain..",
              "java..",
              "javax.net.ssl..",
              "com.fasterxml.jackson..",
              "org.jspecify.annotations..");

  @ArchTest
  static final ArchRule the_clients_packages_are_free_of_cycles =
      slices().matching("io.messageboard.client.(*)..").should().beFreeOfCycles();
}
