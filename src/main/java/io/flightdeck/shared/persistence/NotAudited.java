package io.flightdeck.shared.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps an entity out of the audit log: derived or bookkeeping rows (activity feeds, counters, the audit log itself).
 * Every other entity's writes are audited automatically.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface NotAudited {
}
