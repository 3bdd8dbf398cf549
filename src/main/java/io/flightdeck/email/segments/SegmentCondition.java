package io.flightdeck.email.segments;

import org.jspecify.annotations.Nullable;

/**
 * One condition of a segment's rules: a {@code field} ({@link SegmentField}), an {@code operator}
 * ({@link SegmentOperator}) allowed for it, the attribute's name in {@code key} (for the attribute field only) and the
 * {@code value} it compares with (a status, a number of days, a number, an ISO date, a list's id, a time zone, a
 * domain or a text), left out by the operators that take none (exists, not exists). Kept as text, so that a wrong
 * field or operator is answered with a problem that names it.
 */
public record SegmentCondition(String field, String operator, @Nullable String key, @Nullable String value) {

    public static SegmentCondition of(SegmentField field, SegmentOperator operator, String value) {
        return new SegmentCondition(field.wire(), operator.wire(), null, value);
    }

    public static SegmentCondition attribute(String key, SegmentOperator operator, String value) {
        return new SegmentCondition(SegmentField.ATTRIBUTE.wire(), operator.wire(), key, value);
    }
}
