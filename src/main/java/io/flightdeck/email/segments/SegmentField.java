package io.flightdeck.email.segments;

import java.util.List;
import java.util.Locale;

import static io.flightdeck.email.segments.SegmentOperator.AFTER;
import static io.flightdeck.email.segments.SegmentOperator.AT_LEAST;
import static io.flightdeck.email.segments.SegmentOperator.AT_MOST;
import static io.flightdeck.email.segments.SegmentOperator.BEFORE;
import static io.flightdeck.email.segments.SegmentOperator.BEFORE_DAYS;
import static io.flightdeck.email.segments.SegmentOperator.CONTAINS;
import static io.flightdeck.email.segments.SegmentOperator.EQUALS;
import static io.flightdeck.email.segments.SegmentOperator.EXISTS;
import static io.flightdeck.email.segments.SegmentOperator.GREATER_THAN;
import static io.flightdeck.email.segments.SegmentOperator.IN;
import static io.flightdeck.email.segments.SegmentOperator.IS;
import static io.flightdeck.email.segments.SegmentOperator.IS_NOT;
import static io.flightdeck.email.segments.SegmentOperator.LESS_THAN;
import static io.flightdeck.email.segments.SegmentOperator.NOT_EQUALS;
import static io.flightdeck.email.segments.SegmentOperator.NOT_EXISTS;
import static io.flightdeck.email.segments.SegmentOperator.NOT_IN;
import static io.flightdeck.email.segments.SegmentOperator.NOT_WITHIN_DAYS;
import static io.flightdeck.email.segments.SegmentOperator.WITHIN_DAYS;

/** What a condition looks at, with the operators it allows (the first is the one a new condition row starts with). */
public enum SegmentField {
    STATUS("Status", IS, IS_NOT),
    SUBSCRIBED("Subscribed", WITHIN_DAYS, BEFORE_DAYS),
    EMAIL_DOMAIN("Email domain", IS, IS_NOT),
    NAME("Name", CONTAINS),
    TIME_ZONE("Time zone", IS, IS_NOT),
    ATTRIBUTE("Attribute", EQUALS, NOT_EQUALS, CONTAINS, EXISTS, NOT_EXISTS, GREATER_THAN, LESS_THAN, AT_LEAST,
            AT_MOST, BEFORE, AFTER),
    LIST("List", IN, NOT_IN),
    OPENED("Opened an email", WITHIN_DAYS, NOT_WITHIN_DAYS),
    CLICKED("Clicked a link", WITHIN_DAYS, NOT_WITHIN_DAYS),
    CONVERTED("Converted", WITHIN_DAYS, NOT_WITHIN_DAYS);

    private final String label;
    private final List<SegmentOperator> operators;

    SegmentField(String label, SegmentOperator... operators) {
        this.label = label;
        this.operators = List.of(operators);
    }

    /** The name in the rules' JSON: {@code email_domain}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public List<SegmentOperator> operators() {
        return operators;
    }

    /** The field with this JSON name (any case), or null. */
    public static SegmentField byWire(String name) {
        for (SegmentField field : values()) {
            if (field.wire().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return field;
            }
        }
        return null;
    }
}
