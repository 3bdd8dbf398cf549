package io.flightdeck.assets.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one byte range a {@code Range} header asks of content of a known size (RFC 9110, section 14), first and last
 * byte included. One range is what a video element or a resuming download sends; a header with several ranges or
 * another unit is ignored, which the RFC allows, and the whole content is sent.
 */
record ByteRange(long first, long last) {

    /** A bytes range that lies wholly past the end, or that is malformed: answered with 416. */
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    private static final Pattern SPEC = Pattern.compile("\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    /** The range to send; null to send the whole content. */
    static ByteRange parse(String header, long size) {
        if (header == null || !header.strip().toLowerCase(Locale.ROOT).startsWith("bytes=")) {
            return null;
        }
        String spec = header.strip().substring("bytes=".length());
        if (spec.contains(",")) {
            return null;
        }
        Matcher matcher = SPEC.matcher(spec);
        if (!matcher.matches() || matcher.group(1).isEmpty() && matcher.group(2).isEmpty()) {
            return UNSATISFIABLE;
        }
        if (matcher.group(1).isEmpty()) {
            // bytes=-n: the last n bytes
            long suffix = number(matcher.group(2));
            return suffix == 0 || size == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, size - suffix), size - 1);
        }
        long first = number(matcher.group(1));
        long last = matcher.group(2).isEmpty() ? size - 1 : number(matcher.group(2));
        if (first >= size || last < first) {
            return UNSATISFIABLE;
        }
        return new ByteRange(first, Math.min(last, size - 1));
    }

    long length() {
        return last - first + 1;
    }

    boolean satisfiable() {
        return first >= 0;
    }

    /** Digits only (the pattern saw to it); more than a long holds is as good as infinite here. */
    private static long number(String digits) {
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
