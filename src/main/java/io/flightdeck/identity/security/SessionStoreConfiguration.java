package io.flightdeck.identity.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * How the web sessions kept in the database (Spring Session JDBC) turn their attributes into bytes and back: Java
 * serialisation, as Spring Session does by default, except that an attribute that no longer reads is dropped rather
 * than failing every request of that browser. That happens when nodes are upgraded one by one and a class kept in
 * sessions changed between the builds (a new Spring Security, say): the person is signed out, and their remember-me
 * cookie, if any, signs them in again.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SessionStoreConfiguration.class);

    /** Spring Session looks this bean up by its name. */
    @Bean
    GenericConversionService springSessionConversionService() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        DeserializingConverter deserializer = new DeserializingConverter(SessionStoreConfiguration.class.getClassLoader());
        conversions.addConverter(byte[].class, Object.class, bytes -> {
            try {
                return deserializer.convert(bytes);
            } catch (SerializationFailedException e) {
                log.warn("A stored web session attribute could not be read and was dropped: {}", e.getMessage());
                return null;
            }
        });
        return conversions;
    }
}
