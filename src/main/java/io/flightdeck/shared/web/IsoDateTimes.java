package io.flightdeck.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Map;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Dates and instants in request bodies are ISO-8601 strings and nothing else. Jackson would also read a number (days
 * or seconds since 1970) or an array of fields, so {@code "startDate": 12345} became 2003-10-20; here it is a 400
 * that names the field.
 */
@Configuration(proxyBeanMethods = false)
class IsoDateTimes {

    /** The example a client is shown for each type it got wrong. */
    private static final Map<Class<?>, String> EXAMPLES = Map.of(
            LocalDate.class, "an ISO-8601 date such as \"2026-03-31\"",
            Instant.class, "an ISO-8601 instant such as \"2026-03-31T09:00:00Z\"",
            OffsetDateTime.class, "an ISO-8601 date-time with offset such as \"2026-03-31T09:00:00+01:00\"",
            ZonedDateTime.class, "an ISO-8601 date-time with offset such as \"2026-03-31T09:00:00+01:00\"",
            LocalDateTime.class, "an ISO-8601 date-time such as \"2026-03-31T09:00:00\"",
            LocalTime.class, "an ISO-8601 time such as \"09:30\"",
            OffsetTime.class, "an ISO-8601 time with offset such as \"09:30+01:00\"",
            YearMonth.class, "an ISO-8601 month such as \"2026-03\"");

    /** The message a problem's field error carries when a date or time was not an ISO-8601 string. */
    static String messageFor(Class<?> type) {
        String example = EXAMPLES.get(type);
        return example == null ? null : "must be " + example;
    }

    @Bean
    JsonMapperBuilderCustomizer isoDateTimesOnly() {
        SimpleModule module = new SimpleModule("iso-date-times");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return EXAMPLES.containsKey(type) ? new StringsOnly(deserializer, type) : deserializer;
            }
        });
        return builder -> builder.addModule(module);
    }

    private static final class StringsOnly extends DelegatingDeserializer {

        private final Class<?> type;

        StringsOnly(ValueDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new StringsOnly(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(parser, type, messageFor(type));
            }
            return super.deserialize(parser, context);
        }
    }
}
