package io.flightdeck.shared.web;

import java.beans.Introspector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.shared.webhooks.WebhookRequest;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What every operation of the OpenAPI document has in common, so that clients generated from it, and the MCP
 * server, see the API as it behaves: a stable operation id named for the controller and method
 * ({@code campaigns_update}, not springdoc's {@code update_4}), and the problem documents each operation can answer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConventions {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    /** Record components marked nullable say so in the document (OpenAPI 3.1's type lists). */
    @Bean
    NullableComponents nullableComponents() {
        return new NullableComponents();
    }

    /** The fields every answer carries are required in the schemas answers use. */
    @Bean
    RequiredAnswerFields requiredAnswerFields(NullableComponents records) {
        return new RequiredAnswerFields(records);
    }

    /** Operation ids from the controller and method, unless the method names its own with {@code @Operation}. */
    @Bean
    OperationCustomizer operationIds() {
        return (operation, handler) -> {
            var declared = handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
            if (declared == null || !StringUtils.hasText(declared.operationId())) {
                String controller = handler.getBeanType().getSimpleName().replaceFirst("(Api)?Controller$", "");
                operation.setOperationId(Introspector.decapitalize(controller) + "_" + handler.getMethod().getName());
            }
            return operation;
        };
    }

    /**
     * The roles an operation's {@code @PreAuthorize} names, as {@code x-required-roles} (roles nest: a higher role may
     * too), so that a client and the contract tests know which writes a VIEWER is refused without trying them.
     */
    @Bean
    OperationCustomizer requiredRoles() {
        return (operation, handler) -> {
            PreAuthorize rule = RoleCheckFirst.rule(handler);
            if (rule != null) {
                List<String> roles = new ArrayList<>();
                Matcher role = QUOTED.matcher(rule.value());
                while (role.find()) {
                    roles.add(role.group(1));
                }
                if (!roles.isEmpty()) {
                    operation.addExtension("x-required-roles", roles);
                }
            }
            return operation;
        };
    }

    private static final Pattern QUOTED = Pattern.compile("'([A-Z_]+)'");

    /**
     * A webhook (a handler taking the kit's {@link WebhookRequest}) answers 401 for a delivery that does not verify,
     * not for a missing token, and 413 for a body over the kit's limit.
     */
    @Bean
    OperationCustomizer webhookProblems() {
        return (operation, handler) -> {
            boolean webhook = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.getParameterType() == WebhookRequest.class);
            if (webhook) {
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                responses.addApiResponse("401", problem("The delivery's signature does not verify, or its timestamp is stale"));
                responses.addApiResponse("413", problem("The delivery is larger than flightdeck.webhooks.max-body-size"));
                operation.setResponses(responses);
            }
            return operation;
        };
    }

    /**
     * A file export (a handler that writes the response itself and says what it {@code produces}: CSV, a spreadsheet)
     * answers 200 with the file in one of those types; springdoc sees no return type and would declare no content.
     */
    @Bean
    OperationCustomizer fileAnswers() {
        return (operation, handler) -> {
            RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
            ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
            if (mapping == null || mapping.produces().length == 0 || handler.getMethod().getReturnType() != void.class
                    || ok == null || (ok.getContent() != null && !ok.getContent().isEmpty())) {
                return operation;
            }
            Content content = new Content();
            for (String type : mapping.produces()) {
                Schema<String> file = new StringSchema();
                if (!type.startsWith("text/")) {
                    file.setFormat("binary");
                }
                content.addMediaType(type, new MediaType().schema(file));
            }
            ok.setContent(content);
            return operation;
        };
    }

    /** The problem schema and, on each API operation, the error answers it can give besides its own. */
    @Bean
    OpenApiCustomizer documentedProblems() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperationsMap().forEach((method, operation) -> addProblems(path, method, operation));
                }
            });
        };
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean signedIn = !path.startsWith("/api/v1/auth/") && !path.startsWith("/api/v1/external-reviews/");
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Invalid request: the problem's errors list each field");
        if (signedIn) {
            problems.put("401", "No valid access token or API key");
            problems.put("403", "Your role (or your API key's ceiling) does not allow this");
        }
        if (path.contains("{")) {
            problems.put("404", "Not found, or in another workspace");
        }
        problems.put("406", "The Accept header allows no JSON");
        if (writes) {
            problems.put("409", "Not allowed in the resource's current state, or a concurrent change");
        }
        if (!path.startsWith("/api/v1/external-reviews/")) {
            problems.put("429", "Over the caller's or the workspace's rate limit: Retry-After says when to try again");
        }
        // any request can find the database's pool empty; uploads alone are never shed
        problems.put("503", path.startsWith("/api/v1/uploads")
                ? "The database gave no connection in time: Retry-After says when to try again"
                : "The server is answering as many requests as it can (load shedding), or the database gave no "
                        + "connection in time: Retry-After says when to try again");
        // every other refusal (405, 412, 413, 415, 500 …) is a problem document too
        problems.put("default", "Any other error, as an RFC 9457 problem");
        problems.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, problem(description));
            }
        });
        operation.setResponses(responses);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().example("startDate"));
        fieldError.addProperty("message", new StringSchema().example("must be an ISO-8601 date such as \"2026-03-31\""));
        ObjectSchema problem = new ObjectSchema();
        problem.description("An RFC 9457 problem document; the type names the kind of problem (see docs/api.md)");
        problem.addProperty("type", new StringSchema().example("https://flightdeck.dev/problems/validation"));
        problem.addProperty("title", new StringSchema().example("Invalid request"));
        problem.addProperty("status", new IntegerSchema().example(400));
        problem.addProperty("detail", new StringSchema().example("The request has 1 invalid field"));
        problem.addProperty("instance", new StringSchema().example("/api/v1/campaigns"));
        problem.addProperty("requestId", new StringSchema().example("01a2026c-2b0e-7c5e-9a41-3f0c6f1e2d7a"));
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        problem.required(List.of("type", "title", "status"));
        return problem;
    }
}
