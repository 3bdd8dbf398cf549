package io.flightdeck.mcp.server;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;

/**
 * A tool's input and output JSON schemas, derived from its Java types the way the OpenAPI document's are (the same
 * swagger converters, in OpenAPI 3.1's dialect, which is JSON Schema 2020-12), so a tool and its REST endpoint
 * describe one shape alike: the application's own converters take part (a component that may be null says so). A
 * tool's schema must stand alone, so the types it refers to go under {@code $defs}.
 */
final class ToolSchemas {

    private static final String COMPONENTS = "#/components/schemas/";

    private final ModelConverters converters = new ModelConverters(true);

    ToolSchemas(List<ModelConverter> applications) {
        applications.forEach(converters::addConverter);
    }

    Map<String, Object> of(Type type) {
        ResolvedSchema resolved = converters.readAllAsResolvedSchema(new AnnotatedType(type).resolveAsRef(false));
        Map<String, Object> schema = new LinkedHashMap<>(asMap(resolved.schema));
        schema.put("type", "object");
        if (resolved.referencedSchemas != null && !resolved.referencedSchemas.isEmpty()) {
            Map<String, Object> defs = new LinkedHashMap<>();
            resolved.referencedSchemas.forEach((name, referenced) -> defs.put(name, asMap(referenced)));
            schema.put("$defs", defs);
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Schema<?> schema) {
        String json = Json31.mapper().valueToTree(schema).toString().replace(COMPONENTS, "#/$defs/");
        return Json31.jsonSchemaAsMap(json);
    }
}
