package io.messageboard.bootstrap.architecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.messageboard", importOptions = ProductionClassesOnly.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule the_domain_depends_on_the_JDK_only =
      ArchitectureRules.DOMAIN_DEPENDS_ON_THE_JDK_ONLY;

  @ArchTest
  static final ArchRule the_domain_uses_no_HTTP_type = ArchitectureRules.DOMAIN_USES_NO_HTTP_TYPE;

  @ArchTest
  static final ArchRule the_domain_names_no_HTTP_concept =
      ArchitectureRules.DOMAIN_NAMES_NO_HTTP_CONCEPT;

  @ArchTest
  static final ArchRule the_application_depends_on_the_domain_only =
      ArchitectureRules.APPLICATION_DEPENDS_ON_THE_DOMAIN_ONLY;

  @ArchTest
  static final ArchRule no_framework_type_is_used_in_the_domain_or_the_application =
      ArchitectureRules.CORE_USES_NO_FRAMEWORK;

  @ArchTest
  static final ArchRule adapters_do_not_depend_on_each_other =
      ArchitectureRules.ADAPTERS_ARE_INDEPENDENT_OF_EACH_OTHER;

  @ArchTest
  static final ArchRule adapters_do_not_depend_on_the_application =
      ArchitectureRules.ADAPTERS_DO_NOT_USE_THE_APPLICATION;

  @ArchTest
  static final ArchRule packages_are_free_of_cycles_in_every_module =
      ArchitectureRules.NO_PACKAGE_CYCLES;

  @ArchTest
  static final ArchRule types_in_ports_are_interfaces = ArchitectureRules.PORTS_ARE_INTERFACES;

  @ArchTest
  static final ArchRule each_use_case_is_implemented_by_a_service =
      ArchitectureRules.EVERY_USE_CASE_HAS_A_SERVICE;
}
