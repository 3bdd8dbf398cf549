package io.flightdeck.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring's bearer token resolver with a fast path. {@link DefaultBearerTokenResolver} checks every header against a
 * case-insensitive regular expression, which for a JWT of a few hundred characters cost 3% of a simple read's CPU
 * (docs/benchmarks.md). A header that is plainly {@code Bearer <b64token>} (RFC 6750: letters, digits and
 * {@code -._~+/}, then any {@code =}) is taken here, as Spring would take it; anything else, including every
 * malformed header, goes to Spring's resolver, so its answers and refusals stay Spring's.
 * {@code PlainBearerTokensTests} compares the two.
 */
final class PlainBearerTokens implements BearerTokenResolver {

    private static final String PREFIX = "Bearer ";

    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) && isToken(header)) {
            return header.substring(PREFIX.length());
        }
        return spring.resolve(request);
    }

    /** One or more token characters after the prefix, then only {@code =}. */
    private static boolean isToken(String header) {
        int i = PREFIX.length();
        int start = i;
        while (i < header.length() && isTokenChar(header.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < header.length() && header.charAt(i) == '=') {
            i++;
        }
        return i == header.length();
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
