package io.flightdeck.email.tracking;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import io.flightdeck.shared.InvalidInputException;

/**
 * A set of CIDR ranges, IPv4 and IPv6, answering membership in O(log n), so that Apple's whole egress list (about
 * 290,000 ranges) costs one binary search per open, not a scan. Every address is held as 16 bytes, IPv4 mapped into
 * IPv6 as {@code ::ffff:a.b.c.d}; ranges are sorted and merged into disjoint intervals.
 * <p>
 * Only literal addresses are ever parsed: anything else is refused (a range) or not a member (an address), so no text
 * from a request can make this look up a host name.
 */
final class IpRangeSet {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private final byte[][] starts;
    private final byte[][] ends;

    private IpRangeSet(byte[][] starts, byte[][] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    static IpRangeSet of(List<String> cidrs) {
        List<byte[][]> ranges = new ArrayList<>(cidrs.size());
        for (String cidr : cidrs) {
            ranges.add(range(cidr));
        }
        ranges.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
        List<byte[]> starts = new ArrayList<>();
        List<byte[]> ends = new ArrayList<>();
        for (byte[][] r : ranges) {
            int last = ends.size() - 1;
            // overlapping or touching ranges become one interval: Apple lists many neighbours apart
            if (last >= 0 && (Arrays.compareUnsigned(r[0], ends.get(last)) <= 0 || follows(r[0], ends.get(last)))) {
                if (Arrays.compareUnsigned(r[1], ends.get(last)) > 0) {
                    ends.set(last, r[1]);
                }
            } else {
                starts.add(r[0]);
                ends.add(r[1]);
            }
        }
        return new IpRangeSet(starts.toArray(new byte[0][]), ends.toArray(new byte[0][]));
    }

    /** Whether the text is a CIDR range this set can hold. */
    static boolean isRange(String cidr) {
        try {
            range(cidr);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    int size() {
        return starts.length;
    }

    /** Whether the address is in one of the ranges; an unreadable address is in none. */
    boolean contains(String ip) {
        byte[] address = address(ip);
        if (address == null) {
            return false;
        }
        // the last interval starting at or before the address is the only one that can hold it
        int low = 0;
        int high = starts.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (Arrays.compareUnsigned(starts[mid], address) <= 0) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found >= 0 && Arrays.compareUnsigned(address, ends[found]) <= 0;
    }

    /** Whether {@code next} is the address right after {@code last}. */
    private static boolean follows(byte[] next, byte[] last) {
        byte[] after = last.clone();
        for (int i = after.length - 1; i >= 0; i--) {
            if (++after[i] != 0) {
                return Arrays.equals(after, next);
            }
        }
        return false; // last was the highest address there is
    }

    /** {@code [first, last]} of a CIDR range, as 16-byte addresses. */
    private static byte[][] range(String cidr) {
        String text = cidr == null ? "" : cidr.strip();
        int slash = text.indexOf('/');
        byte[] address = slash > 0 ? address(text.substring(0, slash)) : null;
        int bits = -1;
        if (address != null) {
            boolean v4 = IPV4.matcher(text.substring(0, slash)).matches();
            try {
                int prefix = Integer.parseInt(text.substring(slash + 1));
                int max = v4 ? 32 : 128;
                bits = prefix < 0 || prefix > max ? -1 : (v4 ? 96 + prefix : prefix);
            } catch (NumberFormatException e) {
                bits = -1;
            }
        }
        if (bits < 0) {
            throw new InvalidInputException("appleProxyRanges", "Not a CIDR range: " + cidr
                    + " (expected an address and a prefix length, such as 17.0.0.0/8 or 2a02:26f7::/32)");
        }
        byte[] first = address.clone();
        byte[] last = address.clone();
        for (int bit = bits; bit < 128; bit++) {
            int mask = 0x80 >>> (bit % 8);
            first[bit / 8] &= (byte) ~mask;
            last[bit / 8] |= (byte) mask;
        }
        return new byte[][] {first, last};
    }

    /** A literal IPv4 or IPv6 address as 16 bytes, or null if the text is not one. */
    static byte[] address(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (IPV4.matcher(s).matches()) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            String[] parts = s.split("\\.");
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    return null;
                }
                mapped[12 + i] = (byte) octet;
            }
            return mapped;
        }
        if (!IPV6.matcher(s).matches() || s.indexOf(':') < 0) {
            return null;
        }
        try {
            // text that starts with a hex digit or a colon and holds a colon is parsed by the JDK as an IPv6 literal
            // and refused if it is not one; it is never resolved as a host name
            InetAddress parsed = InetAddress.getByName(s);
            return parsed instanceof Inet4Address ? address(parsed.getHostAddress()) : parsed.getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
