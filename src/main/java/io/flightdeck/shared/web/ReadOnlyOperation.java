package io.flightdeck.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API operation that uses POST but changes nothing (a check, a preview), so an API key whose role ceiling
 * is VIEWER may still call it. Every other POST, PUT, PATCH and DELETE is refused to such a key: see
 * {@link ReadOnlyKeyCheck}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReadOnlyOperation {
}
