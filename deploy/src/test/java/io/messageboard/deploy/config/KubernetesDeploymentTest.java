package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.messageboard.bootstrap.config.Setting;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rendered Kubernetes objects agree with the app's real ports, paths, settings and timings. */
class KubernetesDeploymentTest {

  /** The settings that may be given as a file (SettingSource reads {@code <NAME>_FILE}). */
  private static final Set<Setting> SECRET_SETTINGS =
      Set.of(Setting.DB_PASSWORD, Setting.DB_MIGRATION_PASSWORD, Setting.API_TOKENS);

  private static RenderedManifests rendered;
  private static Deployment deployment;
  private static Container container;
  private static Map<String, String> settings;

  @BeforeAll
  static void render() throws Exception {
    rendered = RenderedManifests.render("k8s");
    deployment = rendered.one("Deployment", Deployment.class);
    assertThat(pod().getContainers()).hasSize(1);
    container = pod().getContainers().get(0);
    settings = rendered.settings().getData();
  }

  @Test
  void theContainerPortsAreTheAppsApiAndManagementDefaults() {
    assertThat(containerPort("http")).isEqualTo(defaultPort(Setting.HTTP_PORT));
    assertThat(containerPort("management")).isEqualTo(defaultPort(Setting.MANAGEMENT_PORT));
    assertThat(settings)
        .containsEntry(Setting.HTTP_PORT.environmentVariable(), Setting.HTTP_PORT.defaultValue())
        .containsEntry(
            Setting.MANAGEMENT_PORT.environmentVariable(), Setting.MANAGEMENT_PORT.defaultValue());
  }

  @Test
  void startupAndLivenessAskHealthLiveAndReadinessAsksHealthReadyOnTheManagementPort() {
    HTTPGetAction startup = container.getStartupProbe().getHttpGet();
    HTTPGetAction liveness = container.getLivenessProbe().getHttpGet();
    HTTPGetAction readiness = container.getReadinessProbe().getHttpGet();

    assertThat(startup.getPath()).isEqualTo("/health/live");
    assertThat(liveness.getPath()).isEqualTo("/health/live");
    assertThat(readiness.getPath()).isEqualTo("/health/ready");
    for (HTTPGetAction probe : List.of(startup, liveness, readiness)) {
      assertThat(resolvePort(probe.getPort().getStrVal(), probe.getPort().getIntVal()))
          .as("probe port of %s", probe.getPath())
          .isEqualTo(defaultPort(Setting.MANAGEMENT_PORT));
    }
  }

  @Test
  void theProbesGiveUpOnlyAfterSeveralMisses() {
    var liveness = container.getLivenessProbe();
    var startup = container.getStartupProbe();

    assertThat(liveness.getFailureThreshold()).isGreaterThanOrEqualTo(3);
    assertThat(liveness.getTimeoutSeconds()).isLessThan(liveness.getPeriodSeconds());
    // The JVM with migrations needs well over a minute in the worst case before it answers.
    assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
        .isGreaterThanOrEqualTo(120);
  }

  @Test
  void everyEnvironmentVariableIsARealSetting() {
    Set<String> real =
        Stream.concat(
                Arrays.stream(Setting.values()).map(Setting::environmentVariable),
                SECRET_SETTINGS.stream().map(setting -> setting.environmentVariable() + "_FILE"))
            .collect(Collectors.toSet());
    List<String> names = new ArrayList<>(settings.keySet());
    container.getEnv().stream().map(EnvVar::getName).forEach(names::add);
    job().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .map(EnvVar::getName)
        .forEach(names::add);

    assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(real).as(name).contains(name));
  }

  @Test
  void shutdownPreStopPlusDrainPlusTimeoutFitsInTheGracePeriod() {
    long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
    long drain = seconds(settings.get(Setting.SHUTDOWN_DRAIN.environmentVariable()));
    long timeout = seconds(settings.get(Setting.SHUTDOWN_TIMEOUT.environmentVariable()));
    long grace = pod().getTerminationGracePeriodSeconds();

    assertThat(preStop).as("preStop sleep").isPositive().isLessThan(grace);
    assertThat(preStop + drain + timeout)
        .as("preStop %d + drain %d + timeout %d vs grace %d", preStop, drain, timeout, grace)
        .isLessThan(grace);
  }

  @Test
  void thePasswordAndTokenFilesAreTheSecretsMountedFiles() throws Exception {
    Map<String, Secret> examples =
        exampleSecrets().stream()
            .collect(Collectors.toMap(secret -> secret.getMetadata().getName(), secret -> secret));
    Set<String> mountedKeys = new HashSet<>();
    for (PodSpec spec : List.of(pod(), job().getSpec().getTemplate().getSpec())) {
      Container main = spec.getContainers().get(0);
      Set<String> mountedFiles = new HashSet<>();
      for (Volume volume : spec.getVolumes()) {
        if (volume.getSecret() == null) {
          continue;
        }
        VolumeMount mount =
            main.getVolumeMounts().stream()
                .filter(m -> m.getName().equals(volume.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume mount named " + volume.getName()));
        Secret example = examples.get(volume.getSecret().getSecretName());

        assertThat(mount.getReadOnly()).as(volume.getName()).isTrue();
        assertThat(example).as("an example of the Secret %s mounts", volume.getName()).isNotNull();
        volume.getSecret().getItems().stream()
            .peek(item -> assertThat(example.getStringData()).containsKey(item.getKey()))
            .peek(item -> mountedKeys.add(item.getKey()))
            .map(item -> mount.getMountPath() + "/" + item.getPath())
            .forEach(mountedFiles::add);
      }
      Map<String, String> environment = new java.util.HashMap<>(settings);
      main.getEnv().forEach(variable -> environment.put(variable.getName(), variable.getValue()));
      environment.entrySet().stream()
          .filter(variable -> variable.getKey().endsWith("_FILE"))
          .forEach(
              variable ->
                  assertThat(mountedFiles).as(variable.getKey()).contains(variable.getValue()));
    }
    assertThat(mountedKeys)
        .as("every key of the example Secrets is mounted by the Deployment or the Job")
        .containsExactlyInAnyOrderElementsOf(
            examples.values().stream()
                .flatMap(secret -> secret.getStringData().keySet().stream())
                .toList());
  }

  @Test
  void theMigrateJobRunsTheAppsImageOnceAsTheSchemaOwner() {
    Job job = job();
    PodSpec spec = job.getSpec().getTemplate().getSpec();
    Container migrate = spec.getContainers().get(0);
    String passwordFile = Setting.DB_MIGRATION_PASSWORD.environmentVariable() + "_FILE";

    assertThat(spec.getContainers()).hasSize(1);
    assertThat(spec.getInitContainers()).isNullOrEmpty();
    assertThat(migrate.getImage()).isEqualTo(container.getImage());
    assertThat(migrate.getCommand()).isNullOrEmpty();
    assertThat(migrate.getArgs()).containsExactly("migrate");
    assertThat(job.getSpec().getParallelism()).isEqualTo(1);
    assertThat(job.getSpec().getCompletions()).isEqualTo(1);
    assertThat(spec.getRestartPolicy()).isEqualTo("Never");
    assertThat(migrate.getEnvFrom()).isEqualTo(container.getEnvFrom());
    assertThat(migrate.getEnv()).extracting(EnvVar::getName).containsExactly(passwordFile);
    assertThat(migrate.getSecurityContext()).isEqualTo(container.getSecurityContext());
    assertThat(spec.getSecurityContext()).isEqualTo(pod().getSecurityContext());
    assertThat(migrate.getResources()).isEqualTo(container.getResources());
  }

  @Test
  void theReplicasGetOnlyTheDmlUsersPassword() {
    String passwordFile = Setting.DB_MIGRATION_PASSWORD.environmentVariable() + "_FILE";

    assertThat(settings).doesNotContainKey(passwordFile);
    assertThat(container.getEnv()).extracting(EnvVar::getName).doesNotContain(passwordFile);
    assertThat(pod().getVolumes())
        .filteredOn(volume -> volume.getSecret() != null)
        .flatExtracting(volume -> volume.getSecret().getItems())
        .extracting(KeyToPath::getKey)
        .doesNotContain("db-migration-password");
    assertThat(pod().getInitContainers()).isNullOrEmpty();
  }

  @Test
  void theExampleSecretsHoldOnlyPlaceholdersAndAreNotRendered() throws Exception {
    assertThat(exampleSecrets()).hasSize(2);
    for (Secret example : exampleSecrets()) {
      assertThat(example.getStringData().values()).isNotEmpty().containsOnly("CHANGE-ME");
    }
    assertThat(rendered.ofKind("Secret")).isEmpty();
  }

  @Test
  void noPasswordValueAppearsInTheRenderedOutput() throws Exception {
    for (String kustomization : RenderedManifests.KUSTOMIZATIONS) {
      List<String> leaks = new ArrayList<>();
      for (JsonNode document : RenderedManifests.render(kustomization).documents()) {
        PasswordLeaks.collect(document, "", leaks);
      }
      assertThat(leaks).as("password values rendered from %s", kustomization).isEmpty();
    }
  }

  @Test
  void thePasswordCheckFindsLiteralPasswordsInSettingsEnvironmentAndSecrets() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (JsonNode document :
        RenderedManifests.parse(
            """
            kind: ConfigMap
            data: {MESSAGEBOARD_DB_PASSWORD: hunter2, MESSAGEBOARD_DB_PASSWORD_FILE: /run/x,
                   MESSAGEBOARD_API_TOKENS: letmein-0123456789, MESSAGEBOARD_API_TOKENS_FILE: /run/y}
            ---
            kind: Deployment
            spec: {containers: [{env: [{name: MESSAGEBOARD_DB_MIGRATION_PASSWORD, value: x}]}]}
            ---
            kind: Secret
            stringData: {db-password: hunter2}
            """)) {
      PasswordLeaks.collect(document, "", leaks);
    }

    assertThat(leaks).hasSize(4);
  }

  @Test
  void theContainerRunsUnprivilegedOnAReadOnlyRootFilesystem() {
    var podSecurity = pod().getSecurityContext();
    var security = container.getSecurityContext();

    assertThat(podSecurity.getRunAsNonRoot()).isTrue();
    assertThat(podSecurity.getRunAsUser()).isPositive();
    assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
    VolumeMount tmp =
        container.getVolumeMounts().stream()
            .filter(m -> m.getMountPath().equals("/tmp"))
            .findFirst()
            .orElseThrow();
    assertThat(volume(tmp.getName()).getEmptyDir()).isNotNull();
  }

  @Test
  void theContainerHasResourceRequestsAndAMemoryLimit() {
    var resources = container.getResources();

    assertThat(resources.getRequests()).containsKeys("cpu", "memory");
    assertThat(resources.getLimits()).containsKey("memory");
    assertThat(resources.getLimits().get("memory"))
        .isEqualTo(resources.getRequests().get("memory"));
  }

  @Test
  void theServiceDisruptionBudgetAndAutoscalerAllSelectTheDeploymentsPods() {
    Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    Service service = rendered.named("Service", "messageboard", Service.class);
    Service management = rendered.named("Service", "messageboard-management", Service.class);
    PodDisruptionBudget budget = rendered.one("PodDisruptionBudget", PodDisruptionBudget.class);
    HorizontalPodAutoscaler autoscaler =
        rendered.one("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(podLabels).containsAllEntriesOf(management.getSpec().getSelector());
    assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
    assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(autoscaler.getSpec().getScaleTargetRef().getName())
        .isEqualTo(deployment.getMetadata().getName());
    assertThat(autoscaler.getSpec().getMinReplicas())
        .isEqualTo(4)
        .isEqualTo(deployment.getSpec().getReplicas());
    assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThan(4);
    List<ServicePort> ports = new ArrayList<>(service.getSpec().getPorts());
    ports.addAll(management.getSpec().getPorts());
    for (ServicePort port : ports) {
      assertThat(resolvePort(port.getTargetPort().getStrVal(), port.getTargetPort().getIntVal()))
          .as("Service port %s", port.getName())
          .isEqualTo(port.getPort());
    }
  }

  @Test
  void theIngressBodySizeAndRateLimitAreNginxs() throws Exception {
    Ingress ingress = rendered.one("Ingress", Ingress.class);
    Map<String, String> annotations = ingress.getMetadata().getAnnotations();
    String nginx = Files.readString(DEPLOY.resolve("nginx/messageboard.conf"));
    String rateLimit = Files.readString(DEPLOY.resolve("nginx/rate-limit.conf"));
    int rate = Integer.parseInt(find("rate=(\\d+)r/s;", rateLimit));
    int burst = Integer.parseInt(find("burst=(\\d+)", rateLimit));
    int rps = Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/limit-rps"));
    int multiplier =
        Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/limit-burst-multiplier"));

    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    assertThat(annotations.get("nginx.ingress.kubernetes.io/proxy-body-size"))
        .isEqualTo(find("client_max_body_size (\\S+);", nginx));
    assertThat(rps).as("limit-rps vs nginx's rate").isEqualTo(rate);
    assertThat(rps * multiplier).as("ingress-nginx's burst vs nginx's").isEqualTo(burst);
    assertThat(annotations.get("nginx.ingress.kubernetes.io/proxy-next-upstream"))
        .isEqualTo(find("proxy_next_upstream ([^;]+);", nginx));
    assertThat(annotations.get("nginx.ingress.kubernetes.io/proxy-next-upstream-tries"))
        .isEqualTo(find("proxy_next_upstream_tries (\\d+);", nginx));
  }

  @Test
  void theIngressRoutesToTheApiPortOnly() {
    Ingress ingress = rendered.one("Ingress", Ingress.class);
    Service service = rendered.named("Service", "messageboard", Service.class);

    assertThat(ingress.getSpec().getRules())
        .flatMap(rule -> rule.getHttp().getPaths())
        .allSatisfy(
            path -> {
              assertThat(path.getBackend().getService().getName())
                  .isEqualTo(service.getMetadata().getName());
              assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
            });
  }

  @Test
  void theServiceMonitorScrapesMetricsOnTheManagementPortAsTheRulesJob() {
    ServiceMonitor monitor = rendered.one("ServiceMonitor", ServiceMonitor.class);
    Service service = rendered.named("Service", "messageboard-management", Service.class);
    Service api = rendered.named("Service", "messageboard", Service.class);

    assertThat(monitor.getSpec().getEndpoints()).hasSize(1);
    Endpoint endpoint = monitor.getSpec().getEndpoints().get(0);
    assertThat(endpoint.getPath()).isEqualTo("/metrics");
    assertThat(endpoint.getHonorLabels()).isTrue();
    ServicePort scraped =
        service.getSpec().getPorts().stream()
            .filter(port -> port.getName().equals(endpoint.getPort()))
            .findFirst()
            .orElseThrow();
    assertThat(scraped.getPort()).isEqualTo(defaultPort(Setting.MANAGEMENT_PORT));
    assertThat(service.getMetadata().getLabels())
        .containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
    assertThat(api.getMetadata().getLabels().get("app.kubernetes.io/component"))
        .as("the public Service is not scraped")
        .isNotEqualTo(
            monitor.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/component"));
    assertThat(api.getSpec().getPorts())
        .extracting(ServicePort::getName)
        .as("the public Service leads to the API port only")
        .containsExactly("http");
    // The shared rules select job="messageboard"; the operator takes the job from this label.
    assertThat(service.getMetadata().getLabels().get(monitor.getSpec().getJobLabel()))
        .isEqualTo("messageboard");
    Map<String, String> annotations =
        deployment.getSpec().getTemplate().getMetadata().getAnnotations();
    assertThat(annotations)
        .containsEntry("prometheus.io/port", String.valueOf(scraped.getPort()))
        .containsEntry("prometheus.io/path", "/metrics");
  }

  private static Job job() {
    return rendered.one("Job", Job.class);
  }

  private static PodSpec pod() {
    return deployment.getSpec().getTemplate().getSpec();
  }

  private static int defaultPort(Setting setting) {
    return Integer.parseInt(setting.defaultValue());
  }

  private static int containerPort(String name) {
    return container.getPorts().stream()
        .filter(port -> name.equals(port.getName()))
        .map(ContainerPort::getContainerPort)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port named " + name));
  }

  private static int resolvePort(String name, Integer number) {
    return name != null ? containerPort(name) : number;
  }

  private static Volume volume(String name) {
    return pod().getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume named " + name));
  }

  private static List<Secret> exampleSecrets() throws Exception {
    String yaml = Files.readString(DEPLOY.resolve("k8s/base/secret.example.yaml"));
    List<Secret> secrets = new ArrayList<>();
    for (JsonNode document : RenderedManifests.parse(yaml)) {
      secrets.add(KubernetesApiTypes.read(document, Secret.class));
    }
    return secrets;
  }

  /** Whole seconds of a duration setting as the app writes them: {@code 5s}, {@code 1500ms}. */
  static long seconds(String duration) {
    Matcher matcher = Pattern.compile("(\\d+)(ms|s|m)").matcher(duration);
    assertThat(matcher.matches()).as("duration %s", duration).isTrue();
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "ms" -> (amount + 999) / 1000;
      case "m" -> amount * 60;
      default -> amount;
    };
  }

  private static String find(String regex, String text) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as("%s in the nginx config", regex).isTrue();
    return matcher.group(1);
  }
}
