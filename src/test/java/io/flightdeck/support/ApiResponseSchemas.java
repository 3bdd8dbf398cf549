package io.flightdeck.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every answer a test receives from the API through MockMvc is checked against the application's own OpenAPI
 * document: the operation must list the status (or a {@code default}), the media type it was sent as, and the body
 * must validate against that media type's schema (JSON Schema 2020-12 in OpenAPI 3.1's dialect, by networknt's
 * validator, which nobody here wrote). So a schema and the code behind it cannot drift apart: a field the code returns
 * as null that the schema does not allow fails the test that received it ({@link ApiResponseSchemaCheck}).
 */
@TestComponent
public final class ApiResponseSchemas implements MockMvcBuilderCustomizer {

    private static final String DOCUMENT = "https://flightdeck.test/openapi.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectProvider<OpenApiWebMvcResource> resource;
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();
    private volatile Checks checks;

    public ApiResponseSchemas(ObjectProvider<OpenApiWebMvcResource> resource) {
        this.resource = resource;
    }

    @Override
    public void customize(ConfigurableMockMvcBuilder<?> builder) {
        builder.alwaysDo(this::check);
    }

    /** What was found wrong since the last call, and forgotten. */
    List<String> drain() {
        List<String> found = new ArrayList<>();
        for (String violation; (violation = violations.poll()) != null; ) {
            found.add(violation);
        }
        return found;
    }

    private void check(MvcResult result) {
        MockHttpServletRequest request = result.getRequest();
        if (!request.getRequestURI().startsWith("/api/") || request.isAsyncStarted()) {
            return;
        }
        MockHttpServletResponse response = result.getResponse();
        String call = request.getMethod() + " " + request.getRequestURI() + " → " + response.getStatus();
        try {
            String problem = checks(request).problem(request, response);
            if (problem != null) {
                violations.add(call + ": " + problem);
            }
        } catch (Exception e) {
            violations.add(call + ": could not be checked: " + e);
        }
    }

    private Checks checks(MockHttpServletRequest request) throws Exception {
        Checks made = checks;
        if (made == null) {
            synchronized (this) {
                if (checks == null) {
                    byte[] document = resource.getObject().openapiJson(request, "/v3/api-docs", Locale.ROOT);
                    checks = new Checks((ObjectNode) JSON.readTree(new String(document, StandardCharsets.UTF_8)));
                }
                made = checks;
            }
        }
        return made;
    }

    /** The document, its paths as patterns, and a schema per operation, status and media type, made once. */
    private static final class Checks {

        private final JsonNode paths;
        private final List<PathPattern> patterns = new ArrayList<>();
        private final Map<String, Integer> schemaIndex = new ConcurrentHashMap<>();
        private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();
        /** The whole document as one schema, made once: each answer's schema is a part of it. */
        private final Schema document;

        Checks(ObjectNode document) {
            this.paths = document.get("paths");
            // each response schema is copied to a numbered place in the document, so that a JSON pointer reaches it
            // without escaping path templates, while its $refs still resolve within the same document
            ArrayNode checked = document.putArray("x-checked");
            for (var path : paths.properties()) {
                patterns.add(new PathPattern(path.getKey()));
                for (var operation : path.getValue().properties()) {
                    JsonNode responses = operation.getValue().path("responses");
                    for (var answer : responses.properties()) {
                        for (var media : answer.getValue().path("content").properties()) {
                            if (media.getValue().has("schema")) {
                                schemaIndex.put(key(path.getKey(), operation.getKey(), answer.getKey(), media.getKey()),
                                        checked.size());
                                checked.add(media.getValue().get("schema"));
                            }
                        }
                    }
                }
            }
            patterns.sort(Comparator.comparingInt(PathPattern::variables));
            String text = document.toString();
            // a location with a fragment would read and build the whole document again for each schema (the
            // registry caches by the full location): build it once and take the parts from it
            SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                    builder -> builder.schemas(Map.of(DOCUMENT, text)));
            this.document = registry.getSchema(SchemaLocation.of(DOCUMENT), document);
        }

        /** What is wrong with the answer, or null. */
        String problem(MockHttpServletRequest request, MockHttpServletResponse response) throws Exception {
            String path = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            if (path == null || !paths.has(path)) {
                path = patterns.stream().filter(p -> p.matches(request.getRequestURI())).map(PathPattern::template)
                        .findFirst().orElse(null);
            }
            if (path == null) {
                return response.getStatus() == 404 ? null : "no path of the document matches";
            }
            String method = request.getMethod().toLowerCase(Locale.ROOT);
            JsonNode operation = paths.get(path).get(method);
            if (operation == null) {
                return response.getStatus() == 405 ? null : "the document has no " + method + " operation on " + path;
            }
            String status = String.valueOf(response.getStatus());
            JsonNode responses = operation.path("responses");
            if (!responses.has(status)) {
                status = "default";
            }
            if (!responses.has(status)) {
                return "the operation " + operation.path("operationId").asString() + " lists no " + response.getStatus()
                        + " and no default answer";
            }
            if (method.equals("head")) {
                return null; // an answer to HEAD has no body on the wire, whatever MockMvc keeps of it
            }
            JsonNode content = responses.get(status).path("content");
            byte[] body = response.getContentAsByteArray();
            if (body.length == 0) {
                // "this or nothing" cannot be said in OpenAPI (Slack's interactivity acknowledges a click with an
                // empty 200): an empty success passes; an empty error does not, every error being a problem
                return content.isEmpty() || response.getStatus() < 300 ? null
                        : "an empty answer where " + status + " declares " + content.propertyNames();
            }
            if (response.getContentType() == null) {
                return "a body without a Content-Type";
            }
            MediaType type = MediaType.parseMediaType(response.getContentType());
            boolean json = type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
            // */* is honest for a file sent as its own type, never for JSON, which must say so
            String media = content.propertyNames().stream()
                    .filter(declared -> declared.equals("*/*") ? !json : MediaType.parseMediaType(declared).includes(type))
                    .findFirst().orElse(null);
            if (media == null) {
                return "sent as " + type + " where " + status + " declares " + content.propertyNames();
            }
            Integer index = schemaIndex.get(key(path, method, status, media));
            if (index == null || !json) {
                return null;
            }
            Schema schema = schemas.computeIfAbsent(index, i -> {
                synchronized (document) {
                    return document.getRefSchema(SchemaLocation.of(DOCUMENT + "#/x-checked/" + i).getFragment());
                }
            });
            List<Error> errors = schema.validate(response.getContentAsString(StandardCharsets.UTF_8), InputFormat.JSON);
            return errors.isEmpty() ? null : "the body does not match the schema of " + status + " " + media + ": "
                    + errors.stream().limit(20).map(Checks::describe).toList()
                    + (errors.size() > 20 ? " and " + (errors.size() - 20) + " more" : "");
        }

        /** What was wrong, and where in the document the rule is (the schema a field belongs to). */
        private static String describe(Error error) {
            return error + " (at " + error.getSchemaLocation().toString().replace(DOCUMENT, "") + ")";
        }

        private static String key(String path, String method, String status, String media) {
            return path + " " + method + " " + status + " " + media;
        }
    }

    /** A path template of the document ({@code /api/v1/campaigns/{id}}) as a pattern for request paths. */
    private record PathPattern(String template, Pattern pattern, int variables) {

        private static final Pattern VARIABLE = Pattern.compile("\\{[^}/]+}");

        PathPattern(String template) {
            this(template, compile(template), (int) VARIABLE.matcher(template).results().count());
        }

        private static Pattern compile(String template) {
            StringBuilder regex = new StringBuilder();
            Matcher variable = VARIABLE.matcher(template);
            int last = 0;
            while (variable.find()) {
                regex.append(Pattern.quote(template.substring(last, variable.start()))).append("[^/]+");
                last = variable.end();
            }
            return Pattern.compile(regex.append(Pattern.quote(template.substring(last))).toString());
        }

        boolean matches(String uri) {
            return pattern.matcher(uri).matches();
        }
    }
}
