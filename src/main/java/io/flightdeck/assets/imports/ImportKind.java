package io.flightdeck.assets.imports;

/** What a CSV import brings into a campaign space. */
public enum ImportKind {
    /** assets' details: creates copy, updates existing assets matched by id, platform id or name and type */
    METADATA,
    /** performance by asset and day, which replaces the days it names and recounts the totals */
    PERFORMANCE
}
