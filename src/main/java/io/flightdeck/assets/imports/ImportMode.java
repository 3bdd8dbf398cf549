package io.flightdeck.assets.imports;

/** What an import does with bad rows. */
public enum ImportMode {
    /** every row is checked first; one bad row and nothing is written */
    ALL_OR_NOTHING,
    /** good rows are written in batches as they come, bad ones are reported and left out */
    SKIP_BAD_ROWS
}
