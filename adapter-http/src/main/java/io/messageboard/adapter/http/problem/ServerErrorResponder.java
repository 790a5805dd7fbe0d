package io.messageboard.adapter.http.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.messageboard.adapter.http.headers.StandardHeaders;
import io.messageboard.adapter.http.request.RequestIds;
import io.messageboard.domain.model.ReplicaId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Answers the errors Jetty raises before a request reaches the API (unparseable URIs, oversized
 * request lines or headers, conflicting framing headers, requests arriving while the server stops)
 * as problem+json with request id and replica, and Retry-After where the failure has one, like
 * every other failure.
 */
public final class ServerErrorResponder extends ErrorHandler {

  private final ObjectMapper json;
  private final ReplicaId replica;

  public ServerErrorResponder(ObjectMapper json, ReplicaId replica) {
    this.json = json;
    this.replica = replica;
  }

  /**
   * Every method gets the problem document; Jetty's default answers only GET, POST and HEAD with a
   * body and leaves a refused PUT or DELETE with an empty one, without request id or replica.
   */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      @Nullable String message,
      @Nullable Throwable cause,
      Callback callback) {
    String requestId = RequestIds.acceptOrGenerate(request.getHeaders().get(RequestIds.HEADER));
    HttpFields.Mutable headers = response.getHeaders();
    Failure failure = FailureMapping.routingFailure(code);
    byte[] body = problem(failure, request.getHttpURI().getPath(), requestId);
    headers.put(HttpHeader.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE);
    headers.put(RequestIds.HEADER, requestId);
    headers.put(RequestIds.SERVED_BY, replica.value());
    headers.put("X-Content-Type-Options", StandardHeaders.NOSNIFF);
    headers.put(HttpHeader.CACHE_CONTROL, StandardHeaders.NO_STORE);
    failure
        .retryAfterSeconds()
        .ifPresent(seconds -> headers.put(HttpHeader.RETRY_AFTER, Integer.toString(seconds)));
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private byte[] problem(Failure failure, @Nullable String path, String requestId) {
    try {
      return json.writeValueAsString(ProblemDetails.of(failure, path, requestId))
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      return ("{\"status\":" + failure.status() + "}").getBytes(StandardCharsets.UTF_8);
    }
  }
}
