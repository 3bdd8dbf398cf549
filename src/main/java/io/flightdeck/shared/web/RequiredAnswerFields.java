package io.flightdeck.shared.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * An answer's record always carries every component Jackson writes (null or not), so the schemas answers use list
 * those properties as required: a generated client can then read {@code campaign.id} without checking that it is
 * there. A schema a request body or parameter also uses is left alone, since there "required" would tell clients to
 * send fields the API does not need.
 */
class RequiredAnswerFields implements OpenApiCustomizer {

    private final NullableComponents records;

    RequiredAnswerFields(NullableComponents records) {
        this.records = records;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Set<String> answers = new HashSet<>();
        Set<String> requests = new HashSet<>();
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getResponses() != null) {
                operation.getResponses().values().forEach(answer -> reach(answer.getContent(), schemas, answers));
            }
            reachRequests(operation, schemas, requests);
        }));
        answers.removeAll(requests);
        for (String name : answers) {
            List<String> written = records.alwaysWritten(name);
            Schema schema = schemas.get(name);
            if (!written.isEmpty() && schema != null && schema.getProperties() != null) {
                Set<String> required = new LinkedHashSet<>(schema.getRequired() == null ? List.of() : schema.getRequired());
                written.stream().filter(schema.getProperties()::containsKey).forEach(required::add);
                schema.setRequired(new ArrayList<>(required));
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static void reachRequests(Operation operation, Map<String, Schema> schemas, Set<String> requests) {
        if (operation.getRequestBody() != null) {
            reach(operation.getRequestBody().getContent(), schemas, requests);
        }
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> reach(parameter.getSchema(), schemas, requests));
        }
    }

    @SuppressWarnings("rawtypes")
    private static void reach(Content content, Map<String, Schema> schemas, Set<String> reached) {
        if (content != null) {
            content.values().forEach(media -> reach(media.getSchema(), schemas, reached));
        }
    }

    /** Every named schema reachable from this one, through references, properties, items and combinations. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> reached) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (reached.add(name)) {
                reach(schemas.get(name), schemas, reached);
            }
            return;
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(property -> reach(property, schemas, reached));
        }
        reach(schema.getItems(), schemas, reached);
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            reach(additional, schemas, reached);
        }
        for (List<Schema> combined : new List[] {schema.getOneOf(), schema.getAnyOf(), schema.getAllOf()}) {
            if (combined != null) {
                combined.forEach(part -> reach(part, schemas, reached));
            }
        }
    }
}
