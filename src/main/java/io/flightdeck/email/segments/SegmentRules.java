package io.flightdeck.email.segments;

import java.util.List;

/**
 * A segment's rules as data: contacts match when ALL (or ANY) of the conditions hold; no conditions at all match every
 * contact. At most {@link #MAX_CONDITIONS} conditions.
 */
public record SegmentRules(Match match, List<SegmentCondition> conditions) {

    public static final int MAX_CONDITIONS = 20;

    /** Whether every condition must hold or one is enough. */
    public enum Match {
        ALL, ANY
    }

    public SegmentRules {
        match = match == null ? Match.ALL : match;
        conditions = conditions == null ? List.of() : java.util.Collections.unmodifiableList(
                new java.util.ArrayList<>(conditions)); // a copy that keeps a null, so the check can name it
    }

    public static SegmentRules all(SegmentCondition... conditions) {
        return new SegmentRules(Match.ALL, List.of(conditions));
    }

    public static SegmentRules any(SegmentCondition... conditions) {
        return new SegmentRules(Match.ANY, List.of(conditions));
    }
}
