package io.flightdeck.email.imports;

/** What a column of the file feeds. */
public enum ContactImportField {
    EMAIL, NAME, TIME_ZONE,
    /** an attribute of the contact, under the column's key */
    ATTRIBUTE,
    /** the column is not imported */
    IGNORE
}
