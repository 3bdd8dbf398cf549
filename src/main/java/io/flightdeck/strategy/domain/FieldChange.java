package io.flightdeck.strategy.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One field that differs between two versions.
 *
 * @param before  the older version's value: text, a list, or for the budget split a map of platform to percent
 * @param added   for lists (and the budget split, as {@code PLATFORM=percent}): items only the newer version has;
 *                null for text fields
 * @param removed for lists: items only the older version has; null for text fields
 */
public record FieldChange(String field, String label, Object before, Object after, @Nullable List<String> added,
        @Nullable List<String> removed) {
}
