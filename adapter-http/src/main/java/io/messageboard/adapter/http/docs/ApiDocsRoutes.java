package io.messageboard.adapter.http.docs;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The OpenAPI contract and an offline Swagger UI page (served from the swagger-ui WebJar, no CDN).
 */
public final class ApiDocsRoutes {

  public static final String CONTRACT = "/api/v1/openapi.yaml";
  public static final String PAGE = "/api/docs";
  public static final String ASSET = "/api/docs/{asset}";

  private static final String CONTRACT_RESOURCE = "/openapi.yaml";
  private static final String PAGE_RESOURCE = "/docs/index.html";
  private static final Map<String, String> ASSETS =
      Map.of(
          "swagger-ui.css", "text/css",
          "swagger-ui-bundle.js", "text/javascript",
          "swagger-ui-standalone-preset.js", "text/javascript",
          "favicon-32x32.png", "image/png",
          "favicon-16x16.png", "image/png");

  private final String webJarRoot =
      "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";

  public void register(RoutesConfig routes) {
    Handler contract = ctx -> serve(ctx, CONTRACT_RESOURCE, "application/yaml; charset=utf-8");
    Handler page = ctx -> serve(ctx, PAGE_RESOURCE, "text/html; charset=utf-8");
    routes.get(CONTRACT, contract);
    routes.head(CONTRACT, contract);
    routes.get(PAGE, page);
    routes.head(PAGE, page);
    routes.get(ASSET, this::asset);
    routes.head(ASSET, this::asset);
  }

  private void asset(Context ctx) {
    String name = ctx.pathParam("asset");
    String type = ASSETS.get(name);
    if (type == null) {
      throw new NotFoundResponse();
    }
    ctx.header("Cache-Control", "public, max-age=86400");
    serve(ctx, webJarRoot + name, type);
  }

  private static void serve(Context ctx, String resource, String contentType) {
    InputStream content = ApiDocsRoutes.class.getResourceAsStream(resource);
    if (content == null) {
      throw new NotFoundResponse();
    }
    ctx.contentType(contentType).result(content);
  }

  private static String swaggerUiVersion() {
    try (InputStream in =
        ApiDocsRoutes.class.getResourceAsStream(
            "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("The swagger-ui WebJar is not on the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
