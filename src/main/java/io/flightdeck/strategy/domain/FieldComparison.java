package io.flightdeck.strategy.domain;

import java.util.List;

/**
 * One field of two versions side by side, changed or not: what the diff page shows row by row.
 *
 * @param before  text, a list of strings, or for the budget split a map of platform name to percent
 * @param added   for lists and the budget split ({@code PLATFORM=percent}): items only the newer version has; null for text
 * @param removed for lists and the budget split: items only the older version has; null for text
 */
public record FieldComparison(String field, String label, Object before, Object after, boolean changed,
        List<String> added, List<String> removed) {

    FieldChange change() {
        return new FieldChange(field, label, before, after, added, removed);
    }
}
