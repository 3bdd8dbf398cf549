package io.flightdeck.support;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of the application's OpenAPI document, for tests that walk every one of them: their method, path,
 * id, and a request body built from the documented examples the way Swagger UI builds one.
 */
public final class ApiOperations {

    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    private final JsonNode document;

    private ApiOperations(JsonNode document) {
        this.document = document;
    }

    public static ApiOperations of(String openApiJson) {
        return new ApiOperations(JsonMapper.builder().build().readTree(openApiJson));
    }

    public record Operation(String method, String path, String operationId, JsonNode node) {

        public boolean writes() {
            return WRITE_METHODS.contains(method);
        }

        public boolean hasJsonBody() {
            return node.path("requestBody").path("content").has("application/json");
        }

        /** A file upload: the body is {@code multipart/form-data}. */
        public boolean hasMultipartBody() {
            return node.path("requestBody").path("content").has("multipart/form-data");
        }

        /** The roles the operation names ({@code x-required-roles}), any of which (or a higher one) may call it. */
        public List<String> requiredRoles() {
            List<String> roles = new ArrayList<>();
            node.path("x-required-roles").forEach(role -> roles.add(role.asString()));
            return roles;
        }

        public boolean bodyRequired() {
            return node.path("requestBody").path("required").asBoolean(false);
        }

        /** The path with each {@code {parameter}} replaced by what {@code values} answers for (path, name). */
        public String uri(BiFunction<String, String, String> values) {
            Matcher matcher = PATH_PARAMETER.matcher(path);
            StringBuilder uri = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(uri, Matcher.quoteReplacement(values.apply(path, matcher.group(1))));
            }
            matcher.appendTail(uri);
            return uri.toString();
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " (" + operationId + ")";
        }
    }

    public List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (method.getValue().has("responses")) {
                    operations.add(new Operation(method.getKey(), path.getKey(),
                            method.getValue().path("operationId").asString(""), method.getValue()));
                }
            }
        }
        return operations;
    }

    public List<Operation> writes() {
        return all().stream().filter(Operation::writes).toList();
    }

    /**
     * The operation's documented request body example: the media type's own example when it has one, otherwise one
     * composed from its schema's property examples (and, for a property without one, a plain value of its type).
     */
    public JsonNode exampleBody(Operation operation) {
        JsonNode media = operation.node().path("requestBody").path("content").path("application/json");
        if (media.has("example")) {
            return media.get("example");
        }
        if (media.path("examples").isObject() && !media.path("examples").isEmpty()) {
            return media.path("examples").properties().iterator().next().getValue().path("value");
        }
        JsonNode body = example(media.path("schema"), 0);
        return body == null ? JsonNodeFactory.instance.objectNode() : body;
    }

    /** The named schemas whose documented name is used by more than one shape cannot exist in a valid document. */
    public JsonNode schemas() {
        return document.path("components").path("schemas");
    }

    private JsonNode example(JsonNode schema, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return example(schemas().path(name), depth);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0);
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(combinator).isArray() && !schema.path(combinator).isEmpty()) {
                return example(schema.path(combinator).get(0), depth);
            }
        }
        if (isNullable(schema)) {
            return null; // an optional value without an example: the example leaves it out
        }
        String type = typeOf(schema);
        String format = schema.path("format").asString("");
        return switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                if (depth < 6) {
                    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                        JsonNode value = example(property.getValue(), depth + 1);
                        if (value != null) {
                            object.set(property.getKey(), value);
                        }
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                JsonNode item = depth < 6 ? example(schema.path("items"), depth + 1) : null;
                if (item != null) {
                    array.add(item);
                }
                yield array;
            }
            case "integer" -> nodes.numberNode(schema.path("minimum").asInt(1));
            case "number" -> nodes.numberNode(schema.path("minimum").asDouble(1.0));
            case "boolean" -> nodes.booleanNode(false);
            case "string" -> switch (format) {
                case "uuid" -> nodes.stringNode("00000000-0000-7000-8000-000000000000");
                case "date" -> nodes.stringNode("2027-03-01");
                case "date-time" -> nodes.stringNode("2027-03-01T09:00:00Z");
                case "email" -> nodes.stringNode("someone@example.com");
                default -> nodes.stringNode("Example");
            };
            default -> nodes.nullNode();
        };
    }

    private static boolean isNullable(JsonNode schema) {
        if (schema.path("nullable").asBoolean(false)) {
            return true;
        }
        for (JsonNode type : schema.path("type")) {
            if ("null".equals(type.asString())) {
                return true;
            }
        }
        return false;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (Iterator<JsonNode> it = type.iterator(); it.hasNext(); ) {
                String candidate = it.next().asString();
                if (!"null".equals(candidate)) {
                    return candidate;
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : "";
    }
}
