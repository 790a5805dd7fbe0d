package io.messageboard.adapter.http.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks responses against the OpenAPI contract the API serves: operation, status, headers and
 * media type with swagger-request-validator, bodies with a JSON Schema 2020-12 validator.
 */
public final class ContractValidator {

  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForSpecificationUrl("openapi.yaml").build();

  private ContractValidator() {}

  /** The contract's complaints about this response, empty when it conforms. */
  public static List<String> violations(String method, String path, ApiResponse response) {
    SimpleResponse.Builder builder =
        SimpleResponse.Builder.status(response.status()).withBody(response.body());
    for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
      builder.withHeader(header.getKey(), header.getValue());
    }
    ValidationReport report =
        VALIDATOR.validateResponse(path, Request.Method.valueOf(method), builder.build());
    List<String> violations =
        new ArrayList<>(
            report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList());
    violations.addAll(ResponseBodySchemas.violations(method, path, response));
    return violations;
  }

  /**
   * The contract's complaints about the parameters (here: headers) of a request, empty when they
   * conform; for checking the contract's own parameter rules, which responses do not exercise.
   */
  public static List<String> parameterViolations(
      String method, String path, Map<String, String> headers) {
    SimpleRequest.Builder builder = new SimpleRequest.Builder(method, path);
    headers.forEach(builder::withHeader);
    return VALIDATOR.validateRequest(builder.build()).getMessages().stream()
        .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
        .filter(message -> message.getKey().startsWith("validation.request.parameter"))
        .map(message -> message.getKey() + ": " + message.getMessage())
        .toList();
  }
}
