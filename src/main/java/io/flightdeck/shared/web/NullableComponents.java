package io.flightdeck.shared.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A record component marked {@link Nullable} (JSpecify, the annotation Spring itself uses) is documented as OpenAPI
 * 3.1 says a value that may be null is: its type list includes {@code "null"} (and its enum, if any, the null value),
 * or, for a reference to another schema, one of that schema or null. springdoc documents no nullability of its own
 * (springdoc-openapi issues 3110 and 3138), so without this every field the API answers as null contradicts the
 * document, and a generated client rejects the answer. The API's tests validate every answer against the document
 * (support/ApiResponseSchemas), so a component that is null in an answer and not marked fails there.
 */
class NullableComponents implements ModelConverter {

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = type.getType() == null ? null : Json.mapper().constructType(type.getType()).getRawClass();
        if (resolved == null || raw == null || !raw.isRecord()) {
            return resolved;
        }
        Schema<?> model = resolved;
        if (resolved.get$ref() != null) {
            String ref = resolved.get$ref();
            model = context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        @SuppressWarnings("rawtypes")
        Map<String, Schema> properties = model.getProperties();
        for (RecordComponent component : raw.getRecordComponents()) {
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
                String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
                Schema<?> property = properties.get(name);
                if (property != null) {
                    properties.put(name, orNull(property));
                }
            }
        }
        return resolved;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Schema<?> orNull(Schema property) {
        if (property.get$ref() != null) {
            Schema<?> reference = new Schema<>().$ref(property.get$ref());
            Schema<?> nullable = new Schema<>().oneOf(List.of(reference, new Schema<>().types(Set.of("null"))));
            return nullable.description(property.getDescription());
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        if (types.isEmpty() || types.contains("null")) {
            return property; // no type says nothing about null either: any value, null included, is allowed
        }
        types.add("null");
        property.setType(null);
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List<Object> values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }
}
