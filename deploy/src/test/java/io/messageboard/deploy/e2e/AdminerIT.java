package io.messageboard.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Adminer, on its loopback port, lets the app user in with its generated password. */
class AdminerIT {

  private static final StackUnderTest STACK = StackUnderTest.fromSystemProperties();

  @Test
  void theAppUserLogsInWithItsGeneratedPasswordAndSeesTheMessagesTable() throws Exception {
    HttpResponse<String> page = logIn(STACK.appDatabasePassword());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Database: messageboard").contains("select=messages");
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    HttpResponse<String> page = logIn("not-" + STACK.appDatabasePassword());

    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("Access denied").doesNotContain("select=messages");
  }

  private static HttpResponse<String> logIn(String password)
      throws IOException, InterruptedException {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    URI adminer = URI.create(STACK.adminerUrl() + "/");
    assertThat(get(browser, adminer)).contains("auth[username]");

    Map<String, String> form = new LinkedHashMap<>();
    form.put("auth[driver]", "server");
    form.put("auth[server]", STACK.databaseServer());
    form.put("auth[username]", STACK.appDatabaseUser());
    form.put("auth[password]", password);
    form.put("auth[db]", "messageboard");
    return browser.send(
        HttpRequest.newBuilder(adminer)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String get(HttpClient browser, URI uri) throws IOException, InterruptedException {
    return browser
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String urlEncoded(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            field ->
                URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
