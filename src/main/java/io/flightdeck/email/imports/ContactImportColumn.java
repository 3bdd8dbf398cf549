package io.flightdeck.email.imports;

import org.jspecify.annotations.Nullable;

/**
 * One column of the file as mapped: its position (0 for the first), what it feeds, and the attribute's name for an
 * ATTRIBUTE column (lower-case letters, digits and _, starting with a letter, up to 40 characters).
 */
public record ContactImportColumn(int index, ContactImportField field, @Nullable String key) {
}
