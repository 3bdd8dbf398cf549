package io.flightdeck.email.segments;

import java.util.Locale;

/** How a condition compares its field with its value, and what kind of value it takes. */
public enum SegmentOperator {
    IS("is", Value.CHOICE),
    IS_NOT("is not", Value.CHOICE),
    WITHIN_DAYS("in the last … days", Value.DAYS),
    NOT_WITHIN_DAYS("not in the last … days", Value.DAYS),
    BEFORE_DAYS("more than … days ago", Value.DAYS),
    CONTAINS("contains", Value.TEXT),
    EQUALS("equals", Value.TEXT),
    NOT_EQUALS("does not equal", Value.TEXT),
    EXISTS("is set", Value.NONE),
    NOT_EXISTS("is not set", Value.NONE),
    GREATER_THAN("is greater than", Value.NUMBER),
    LESS_THAN("is less than", Value.NUMBER),
    AT_LEAST("is at least", Value.NUMBER),
    AT_MOST("is at most", Value.NUMBER),
    BEFORE("is a date before", Value.DATE),
    AFTER("is a date after", Value.DATE),
    IN("is on", Value.CHOICE),
    NOT_IN("is not on", Value.CHOICE);

    /** The kind of value an operator takes; CHOICE depends on the field (a status, a list, a zone, a domain). */
    public enum Value {
        NONE, TEXT, NUMBER, DATE, DAYS, CHOICE
    }

    private final String label;
    private final Value value;

    SegmentOperator(String label, Value value) {
        this.label = label;
        this.value = value;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public Value value() {
        return value;
    }

    /** The operator with this JSON name (any case), or null. */
    public static SegmentOperator byWire(String name) {
        for (SegmentOperator operator : values()) {
            if (operator.wire().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return operator;
            }
        }
        return null;
    }
}
