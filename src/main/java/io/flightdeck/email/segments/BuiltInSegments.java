package io.flightdeck.email.segments;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.flightdeck.email.segments.SegmentField.CLICKED;
import static io.flightdeck.email.segments.SegmentField.OPENED;
import static io.flightdeck.email.segments.SegmentField.SUBSCRIBED;

/**
 * The five segments every workspace has, defined here as rules and read-only. Their ids are the same in every
 * workspace ({@code UUID.nameUUIDFromBytes("flightdeck-segment:<key>")}), so a send or a link may name them. As every
 * segment, they count subscribed contacts only.
 */
final class BuiltInSegments {

    /** A built-in segment: its stable key, name, what it selects, and its rules. */
    public record BuiltIn(String key, UUID id, String name, String description, SegmentRules rules) {
    }

    public static final BuiltIn ALL = define("all", "All", "Every subscribed contact.", SegmentRules.all());
    public static final BuiltIn ACTIVE = define("active", "Active",
            "Opened an email or clicked a link in the last 90 days (people, not mail scanners).",
            SegmentRules.any(SegmentCondition.of(OPENED, SegmentOperator.WITHIN_DAYS, "90"),
                    SegmentCondition.of(CLICKED, SegmentOperator.WITHIN_DAYS, "90")));
    public static final BuiltIn HIGH_VALUE = define("high-value", "High value",
            "The attribute lifetime_value is at least 500 (set it on contacts or in an import).",
            SegmentRules.all(SegmentCondition.attribute("lifetime_value", SegmentOperator.AT_LEAST, "500")));
    public static final BuiltIn NEW = define("new", "New", "Subscribed in the last 30 days.",
            SegmentRules.all(SegmentCondition.of(SUBSCRIBED, SegmentOperator.WITHIN_DAYS, "30")));
    public static final BuiltIn INACTIVE = define("inactive", "Inactive",
            "Subscribed more than 90 days ago and no open or click by them in the last 90 days.",
            SegmentRules.all(SegmentCondition.of(SUBSCRIBED, SegmentOperator.BEFORE_DAYS, "90"),
                    SegmentCondition.of(OPENED, SegmentOperator.NOT_WITHIN_DAYS, "90"),
                    SegmentCondition.of(CLICKED, SegmentOperator.NOT_WITHIN_DAYS, "90")));

    /** In the order lists show them. */
    public static final List<BuiltIn> ALL_BUILT_INS = List.of(ALL, ACTIVE, HIGH_VALUE, NEW, INACTIVE);

    private BuiltInSegments() {
    }

    public static Optional<BuiltIn> byId(UUID id) {
        return ALL_BUILT_INS.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** The built-in segment with this name, in any case (a workspace's own segment may not take it). */
    static Optional<BuiltIn> byName(String name) {
        return ALL_BUILT_INS.stream().filter(b -> b.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    private static BuiltIn define(String key, String name, String description, SegmentRules rules) {
        UUID id = UUID.nameUUIDFromBytes(("flightdeck-segment:" + key).getBytes(StandardCharsets.UTF_8));
        return new BuiltIn(key, id, name, description, rules);
    }
}
