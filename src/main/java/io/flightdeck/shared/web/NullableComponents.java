package io.flightdeck.shared.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * (support/ApiResponseSchemas), so a component that is null in an answer and not marked fails there. It also notes
 * which properties Jackson always writes (every component, null or not, unless a {@link JsonInclude} rule leaves some
 * out), so the document can say an answer always has them ({@code OpenApiConventions.requiredAnswerFields}).
 */
class NullableComponents implements ModelConverter {

    /** Per record schema, the properties Jackson always writes (null or not): the required ones of an answer. */
    private final Map<String, List<String>> alwaysWritten = new ConcurrentHashMap<>();

    /** The properties of the named record schema that every answer carries, or none when it is not a record's. */
    List<String> alwaysWritten(String schemaName) {
        return alwaysWritten.getOrDefault(schemaName, List.of());
    }

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = type.getType() == null ? null : Json.mapper().constructType(type.getType()).getRawClass();
        if (resolved == null || raw == null || !raw.isRecord()) {
            return resolved;
        }
        Schema<?> model = resolved;
        String schemaName = null;
        if (resolved.get$ref() != null) {
            String ref = resolved.get$ref();
            schemaName = ref.substring(ref.lastIndexOf('/') + 1);
            model = context.getDefinedModels().get(schemaName);
        }
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        @SuppressWarnings("rawtypes")
        Map<String, Schema> properties = model.getProperties();
        List<String> written = new ArrayList<>();
        boolean classOmitsSome = omitsSome(raw.getAnnotation(JsonInclude.class));
        for (RecordComponent component : raw.getRecordComponents()) {
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
            Schema<?> property = properties.get(name);
            if (property == null) {
                continue;
            }
            io.swagger.v3.oas.annotations.media.Schema documented =
                    component.getAccessor().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            // swagger's own nullable = true writes OpenAPI 3.0's form, which 3.1 reads as "only null" beside a $ref
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                    || (documented != null && documented.nullable())) {
                properties.put(name, orNull(property));
            }
            JsonInclude inclusion = component.getAccessor().getAnnotation(JsonInclude.class);
            if (!(inclusion != null ? omitsSome(inclusion) : classOmitsSome)) {
                written.add(name);
            }
        }
        if (schemaName != null) {
            alwaysWritten.put(schemaName, List.copyOf(written));
        }
        return resolved;
    }

    /** Whether an inclusion rule leaves some values out (only ALWAYS, the default, writes every one). */
    private static boolean omitsSome(JsonInclude inclusion) {
        return inclusion != null && inclusion.value() != JsonInclude.Include.ALWAYS
                && inclusion.value() != JsonInclude.Include.USE_DEFAULTS;
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
