package io.messageboard.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.messageboard.adapter.http.HttpApi;
import io.messageboard.adapter.http.fixture.HttpAdapterUsingOtherLayers;
import io.messageboard.adapter.persistence.memory.InMemoryMessageRepository;
import io.messageboard.application.GetMessageService;
import io.messageboard.application.fixture.ServiceUsingJackson;
import io.messageboard.bootstrap.architecture.fixture.cycle.left.Left;
import io.messageboard.bootstrap.architecture.fixture.cycle.right.Right;
import io.messageboard.domain.fixture.DomainClassUsingJavalin;
import io.messageboard.domain.fixture.DomainClassUsingJdkHttp;
import io.messageboard.domain.fixture.OutcomeWithRenderer;
import io.messageboard.domain.fixture.RecordedResponse;
import io.messageboard.domain.idempotency.KeyClaim;
import io.messageboard.domain.model.Message;
import io.messageboard.domain.model.NewMessage;
import io.messageboard.domain.port.in.GetMessageUseCase;
import io.messageboard.domain.port.in.fixture.OrphanUseCase;
import io.messageboard.domain.port.in.fixture.PortThatIsAClass;
import org.junit.jupiter.api.Test;

/** Each architecture rule reports a deliberately bad class, so none of them passes vacuously. */
class ArchitectureRulesCanFailTest {

  private static JavaClasses classes(Class<?>... classes) {
    return new ClassFileImporter().importClasses(classes);
  }

  private static void assertViolated(ArchRule rule, JavaClasses classes, String culprit) {
    var result = rule.evaluate(classes);
    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains(culprit));
  }

  @Test
  void theDomainRuleReportsADomainClassUsingJavalin() {
    assertViolated(
        ArchitectureRules.DOMAIN_DEPENDS_ON_THE_JDK_ONLY,
        classes(DomainClassUsingJavalin.class),
        DomainClassUsingJavalin.class.getName());
  }

  @Test
  void theDomainHttpTypeRuleReportsADomainClassUsingTheJdksHttpClient() {
    assertViolated(
        ArchitectureRules.DOMAIN_USES_NO_HTTP_TYPE,
        classes(DomainClassUsingJdkHttp.class, Message.class),
        DomainClassUsingJdkHttp.class.getName());
  }

  @Test
  void theDomainHttpNameRuleReportsARecordedResponseWithStatusHeadersAndARenderer() {
    JavaClasses bad = classes(RecordedResponse.class, OutcomeWithRenderer.class, Message.class);

    assertViolated(
        ArchitectureRules.DOMAIN_NAMES_NO_HTTP_CONCEPT, bad, RecordedResponse.class.getName());
    assertViolated(ArchitectureRules.DOMAIN_NAMES_NO_HTTP_CONCEPT, bad, ".status");
    assertViolated(ArchitectureRules.DOMAIN_NAMES_NO_HTTP_CONCEPT, bad, ".headers");
    assertViolated(ArchitectureRules.DOMAIN_NAMES_NO_HTTP_CONCEPT, bad, "holds a function");
  }

  @Test
  void theDomainHttpNameRulePassesTheDomainAsItIs() {
    assertThat(
            ArchitectureRules.DOMAIN_NAMES_NO_HTTP_CONCEPT
                .evaluate(classes(Message.class, NewMessage.class, KeyClaim.Completed.class))
                .hasViolation())
        .isFalse();
  }

  @Test
  void theApplicationRuleReportsAServiceUsingJackson() {
    assertViolated(
        ArchitectureRules.APPLICATION_DEPENDS_ON_THE_DOMAIN_ONLY,
        classes(ServiceUsingJackson.class),
        ServiceUsingJackson.class.getName());
  }

  @Test
  void theFrameworkRuleReportsFrameworkTypesInTheCore() {
    JavaClasses bad = classes(DomainClassUsingJavalin.class, ServiceUsingJackson.class);

    assertViolated(
        ArchitectureRules.CORE_USES_NO_FRAMEWORK, bad, DomainClassUsingJavalin.class.getName());
    assertViolated(
        ArchitectureRules.CORE_USES_NO_FRAMEWORK, bad, ServiceUsingJackson.class.getName());
  }

  @Test
  void theAdapterIndependenceRuleReportsAnHttpClassUsingPersistence() {
    assertViolated(
        ArchitectureRules.ADAPTERS_ARE_INDEPENDENT_OF_EACH_OTHER,
        classes(HttpAdapterUsingOtherLayers.class, InMemoryMessageRepository.class, HttpApi.class),
        HttpAdapterUsingOtherLayers.class.getName());
  }

  @Test
  void theAdapterApplicationRuleReportsAnAdapterUsingTheApplication() {
    assertViolated(
        ArchitectureRules.ADAPTERS_DO_NOT_USE_THE_APPLICATION,
        classes(HttpAdapterUsingOtherLayers.class),
        HttpAdapterUsingOtherLayers.class.getName());
  }

  @Test
  void theCycleRuleReportsTwoPackagesThatDependOnEachOther() {
    assertViolated(
        ArchitectureRules.NO_PACKAGE_CYCLES,
        classes(Left.class, Right.class),
        Left.class.getName());
  }

  @Test
  void thePortRuleReportsAClassInAPortPackage() {
    assertViolated(
        ArchitectureRules.PORTS_ARE_INTERFACES,
        classes(PortThatIsAClass.class, GetMessageUseCase.class),
        PortThatIsAClass.class.getName());
  }

  @Test
  void theUseCaseRuleReportsAUseCaseWithoutAService() {
    assertViolated(
        ArchitectureRules.EVERY_USE_CASE_HAS_A_SERVICE,
        classes(OrphanUseCase.class, GetMessageUseCase.class, GetMessageService.class),
        OrphanUseCase.class.getName());
  }

  @Test
  void theUseCaseRulePassesWhenTheServiceExists() {
    assertThat(
            ArchitectureRules.EVERY_USE_CASE_HAS_A_SERVICE
                .evaluate(classes(GetMessageUseCase.class, GetMessageService.class))
                .hasViolation())
        .isFalse();
  }
}
