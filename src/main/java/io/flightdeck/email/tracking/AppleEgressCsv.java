package io.flightdeck.email.tracking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.io.input.BoundedInputStream;

/**
 * Reads Apple's egress list as Apple publishes it, one range a line: {@code prefix,country,region,city,} (for example
 * {@code 172.224.226.0/27,GB,GB-EN,London,}). Only the prefix is kept. What a failed fetch may bring instead (an
 * error page answered with 200, a captive portal, a file cut short into nothing) is refused as a whole, so that it
 * never replaces a good copy: a list with no range, one where more than 1 line in 100 is not a range, or one larger
 * than {@link #MAX_BYTES} (64 MB). A few unreadable lines among good ones are skipped.
 */
final class AppleEgressCsv {

    /** About five times the list's size in 2026 (12 MB). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private AppleEgressCsv() {
    }

    /** Why a download is not Apple's list. */
    static final class NotTheList extends Exception {
        NotTheList(String message) {
            super(message);
        }
    }

    static List<String> read(InputStream body) throws IOException, NotTheList {
        return read(body, MAX_BYTES);
    }

    static List<String> read(InputStream body, long maxBytes) throws IOException, NotTheList {
        List<String> ranges = new ArrayList<>();
        int unreadable = 0;
        String firstUnreadable = null;
        // a byte past the limit ends the stream, so that no line, however long, is read whole into memory
        BoundedInputStream limited = BoundedInputStream.builder().setInputStream(body).setMaxCount(maxBytes + 1).get();
        BufferedReader lines = new BufferedReader(new InputStreamReader(limited, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            int comma = line.indexOf(',');
            String prefix = (comma < 0 ? line : line.substring(0, comma)).strip();
            if (prefix.isEmpty()) {
                continue;
            }
            if (IpRangeSet.isRange(prefix)) {
                ranges.add(prefix);
            } else {
                unreadable++;
                if (firstUnreadable == null) {
                    firstUnreadable = line.length() > 80 ? line.substring(0, 80) + "…" : line;
                }
            }
        }
        if (limited.getCount() > maxBytes) {
            throw new NotTheList("The answer is larger than " + maxBytes / (1024 * 1024)
                    + " MB, which Apple's list is not");
        }
        if (ranges.isEmpty()) {
            throw new NotTheList(firstUnreadable == null ? "The answer was empty"
                    : "The answer holds no address range; its first line reads: " + firstUnreadable);
        }
        if (unreadable * 100L > ranges.size() + unreadable) {
            throw new NotTheList(unreadable + " of " + (ranges.size() + unreadable) + " lines are not address ranges "
                    + "(the first reads: " + firstUnreadable + ")");
        }
        return ranges;
    }
}
