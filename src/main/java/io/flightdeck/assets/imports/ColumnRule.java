package io.flightdeck.assets.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The header names a field goes by in one format, most specific first. A name may carry the currency in a group named
 * {@code currency} ("Amount spent (USD)").
 */
record ColumnRule(ImportField field, List<Pattern> names) {

    static ColumnRule named(ImportField field, String... names) {
        return new ColumnRule(field, Arrays.stream(names).map(n -> Pattern.compile(Pattern.quote(n))).toList());
    }

    static ColumnRule pattern(ImportField field, String regex) {
        return new ColumnRule(field, List.of(Pattern.compile(regex)));
    }

    /** How headers are compared: trimmed, lower-case, runs of white space as one blank, without a byte-order mark. */
    static String normalise(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
