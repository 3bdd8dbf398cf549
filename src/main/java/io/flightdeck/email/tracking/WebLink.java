package io.flightdeck.email.tracking;

import java.net.URI;
import java.util.Locale;

import io.flightdeck.shared.InvalidInputException;
import okhttp3.HttpUrl;

/**
 * A web link of an email read the way browsers and mail apps read it: by the WHATWG URL Standard, through OkHttp's
 * {@link HttpUrl}, which follows it. A space, {@code |} or {@code {}} in an address is a link a mail app opens (it
 * percent-encodes them), whereas {@link URI} (RFC 2396) refuses it; reading links one way when an email is saved,
 * previewed, tested, checked and sent means a link that passed the first steps cannot fail the last.
 * <p>
 * On top of the standard: only http and https, with a host, and no user name or password before the host
 * ({@code https://bank.example@evil.example/} reads as the bank and goes to evil.example, a phishing trick).
 */
public final class WebLink {

    /** Longer addresses break in some mail clients and proxies; a landing page needs no more. */
    public static final int MAX_LENGTH = 4096;

    private final String address;

    private WebLink(String address) {
        this.address = address;
    }

    /** The link, or a refusal in plain words naming {@code field}. */
    public static WebLink parse(String url, String field) {
        String given = url == null ? "" : url.strip();
        if (given.isEmpty()) {
            throw new InvalidInputException(field, "A tracked link needs a web address");
        }
        if (given.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, String.format(Locale.ENGLISH, "The address is %,d characters long;"
                    + " addresses over %,d characters are refused because mail clients and browsers may cut them",
                    given.length(), MAX_LENGTH));
        }
        String scheme = scheme(given);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException(field, "Only http and https addresses can be linked; this one is "
                    + (scheme.isEmpty() ? "relative" : scheme + ":"));
        }
        HttpUrl parsed;
        try {
            parsed = HttpUrl.get(given);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, given.matches("(?i)https?:/*") ? "The address has no host name"
                    : "Not a valid web address: " + e.getMessage());
        }
        if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
            throw new InvalidInputException(field, "An address with a user name or password before the host is refused");
        }
        // uri() percent-encodes what java.net.URI refuses (| [ ] ^ and the like) and leaves the rest as the standard
        // serialises it, so the address is both what the browser would open and a valid Location header
        String address = parsed.uri().toASCIIString();
        if (address.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, String.format(Locale.ENGLISH, "The address is %,d characters long "
                    + "once encoded; addresses over %,d characters are refused because mail clients and browsers may "
                    + "cut them", address.length(), MAX_LENGTH));
        }
        return new WebLink(address);
    }

    /** Whether {@code href} names a web link (http or https) rather than mail, a merge field or something else. */
    public static boolean isWeb(String href) {
        String scheme = href == null ? "" : scheme(href.strip());
        return scheme.equals("http") || scheme.equals("https");
    }

    /**
     * The link as it is sent and redirected to: ASCII, every character {@link URI} refuses percent-encoded (a host in
     * Unicode becomes its punycode, {@code HTTP} becomes {@code http}).
     */
    public String address() {
        return address;
    }

    public URI uri() {
        return URI.create(address);
    }

    /** The scheme in lower case, ignoring tabs and line breaks inside it as browsers do; empty when there is none. */
    private static String scheme(String url) {
        String cleaned = url.replaceAll("[\\t\\n\\r]", "");
        int colon = cleaned.indexOf(':');
        if (colon <= 0 || !cleaned.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return "";
        }
        return cleaned.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebLink link && link.address.equals(address);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }

    @Override
    public String toString() {
        return address;
    }
}
