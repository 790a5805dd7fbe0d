package io.messageboard.client.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import io.messageboard.adapter.http.contract.ApiResponse;
import io.messageboard.adapter.http.contract.ContractValidator;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An HTTP client that checks every exchange against {@code openapi.yaml}: the request (operation,
 * parameters, headers, body) and the response (status, headers, and the body when the caller reads
 * it whole). Violations are collected for the test to assert on, so that a background reader's
 * exchanges are checked too.
 */
public final class ValidatingHttpClient extends HttpClient {

  private static final OpenApiInteractionValidator REQUESTS =
      OpenApiInteractionValidator.createForSpecificationUrl("openapi.yaml").build();

  private final HttpClient delegate;
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<String> exchanges = new CopyOnWriteArrayList<>();

  public ValidatingHttpClient(HttpClient delegate) {
    this.delegate = delegate;
  }

  /** A checking client over a plain default one. */
  public static ValidatingHttpClient overDefault() {
    return new ValidatingHttpClient(
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
  }

  /** What the contract said against the exchanges so far; empty when all conformed. */
  public List<String> violations() {
    return List.copyOf(violations);
  }

  /** Each exchange so far as "METHOD path status". */
  public List<String> exchanges() {
    return List.copyOf(exchanges);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    checkRequest(request);
    HttpResponse<T> response = delegate.send(request, handler);
    checkResponse(request, response);
    return response;
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    checkRequest(request);
    return delegate
        .sendAsync(request, handler)
        .thenApply(
            response -> {
              checkResponse(request, response);
              return response;
            });
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushes) {
    throw new UnsupportedOperationException("the client under test uses no server push");
  }

  private void checkRequest(HttpRequest request) {
    URI uri = request.uri();
    SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), uri.getRawPath());
    request.headers().map().forEach(builder::withHeader);
    Optional<String> query = Optional.ofNullable(uri.getRawQuery());
    query.ifPresent(
        q -> {
          for (String parameter : q.split("&", -1)) {
            int equals = parameter.indexOf('=');
            builder.withQueryParam(
                equals < 0 ? parameter : parameter.substring(0, equals),
                equals < 0 ? "" : parameter.substring(equals + 1));
          }
        });
    request
        .bodyPublisher()
        .map(ValidatingHttpClient::bytesOf)
        .filter(b -> b.length > 0)
        .ifPresent(body -> builder.withBody(new String(body, StandardCharsets.UTF_8)));
    ValidationReport report = REQUESTS.validateRequest(builder.build());
    report.getMessages().stream()
        .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
        .forEach(
            message ->
                violations.add(
                    "request " + request.method() + " " + uri + ": " + message.getMessage()));
  }

  private <T> void checkResponse(HttpRequest request, HttpResponse<T> response) {
    String path = request.uri().getRawPath();
    exchanges.add(request.method() + " " + path + " " + response.statusCode());
    if (response.statusCode() == 429) {
      // nginx's rate limit, in the contract's introduction rather than under each operation.
      if (!response
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("application/problem+json")
          || response.headers().firstValue("Retry-After").isEmpty()) {
        violations.add(
            "429 to " + request.method() + " " + path + " is no problem with Retry-After");
      }
      return;
    }
    byte[] body = response.body() instanceof byte[] bytes ? bytes : new byte[0];
    if (!(response.body() instanceof byte[]) && response.statusCode() != 200) {
      // A stream's refusal is read by the caller; its status and headers are still checked.
      return;
    }
    boolean readWhole = response.body() instanceof byte[];
    ApiResponse seen = new ApiResponse(response.statusCode(), lowerCased(response.headers()), body);
    ContractValidator.violations(request.method(), path, seen).stream()
        // A stream's body is read by the caller as it comes: only its status and headers are here.
        .filter(violation -> readWhole || !violation.startsWith("validation.response.body.missing"))
        .forEach(
            violation ->
                violations.add(
                    "response to "
                        + request.method()
                        + " "
                        + path
                        + " ("
                        + response.statusCode()
                        + "): "
                        + violation));
  }

  private static Map<String, List<String>> lowerCased(HttpHeaders headers) {
    Map<String, List<String>> lower = new TreeMap<>();
    headers
        .map()
        .forEach((name, values) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), values));
    return lower;
  }

  private static byte[] bytesOf(HttpRequest.BodyPublisher publisher) {
    BodyCollector collector = new BodyCollector();
    publisher.subscribe(collector);
    return collector.bytes();
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  /**
   * Reads a request body publisher whole; the client's publishers hand over their bytes at once.
   */
  private static final class BodyCollector implements Flow.Subscriber<ByteBuffer> {
    private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ByteBuffer item) {
      byte[] chunk = new byte[item.remaining()];
      item.get(chunk);
      out.write(chunk, 0, chunk.length);
    }

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
