package io.flightdeck.shared.web;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How request bodies are read, stricter than the application's own JSON (events, task data, providers' answers):
 * <ul>
 * <li>no {@code null} inside a list or set: {@code {"channelPostIds":[null]}} used to reach a service and fail there
 * with a 500. One rule here instead of {@code List<@NotNull …>} on every request record, so that a new record cannot
 * forget it; a map's values keep their nulls (free-form platform data may hold them);</li>
 * <li>every string has a length limit: {@value #DEFAULT_MAX_LENGTH} characters, or its property's {@code @Size(max)}
 * where that is larger, so that a field nobody bounded is not written 100,000 characters long
 * (or refused by its column with a misleading error). Checked while reading, before the string is validated or used.</li>
 * </ul>
 * Both answer 400 with the field's path, through {@link ApiExceptionHandler}. Only the server's converter reads this
 * way, because outbound clients must accept whatever a provider answers.
 */
@Configuration(proxyBeanMethods = false)
@Order(10) // after Boot's MVC configuration (order 0), whose JSON converter this one replaces
class RequestJson implements WebMvcConfigurer {

    /** Above every {@code @Size(max)} of a request text but the texts to repurpose, which declare their own. */
    static final int DEFAULT_MAX_LENGTH = 10_000;

    private final JsonMapper requests;

    RequestJson(JsonMapper json) {
        SimpleModule bounded = new SimpleModule("request-strings").addDeserializer(String.class, new BoundedString(DEFAULT_MAX_LENGTH));
        JsonSetter.Value noNullElements = JsonSetter.Value.forContentNulls(Nulls.FAIL);
        this.requests = json.rebuild()
                .addModule(bounded)
                .withConfigOverride(List.class, o -> o.setNullHandling(noNullElements))
                .withConfigOverride(Set.class, o -> o.setNullHandling(noNullElements))
                .withConfigOverride(Collection.class, o -> o.setNullHandling(noNullElements))
                .build();
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(requests));
    }

    /** A string longer than allowed, for the problem's field list. */
    static final class TextTooLong extends MismatchedInputException {

        TextTooLong(JsonParser parser, int max) {
            super(parser, "must be at most " + max + " characters", String.class);
        }
    }

    private static final class BoundedString extends StdScalarDeserializer<String> {

        private final int max;

        BoundedString(int max) {
            super(String.class);
            this.max = max;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            // A larger @Size raises the limit; a smaller one is left to Bean Validation, which reports every field at
            // once. A list's @Size counts its elements, not their characters.
            Size size = property == null || property.getType().isContainerType() ? null : property.getAnnotation(Size.class);
            return size == null || size.max() <= max ? this : new BoundedString(size.max());
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.length() > max) {
                throw new TextTooLong(parser, max);
            }
            return value;
        }
    }
}
