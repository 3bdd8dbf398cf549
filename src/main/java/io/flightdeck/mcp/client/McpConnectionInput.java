package io.flightdeck.mcp.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.flightdeck.shared.InvalidInputException;

/**
 * The rules for what an admin types: the API's bean validation says the same in its schema, but the page posts
 * straight here, so the service checks every value itself before anything is written.
 */
final class McpConnectionInput {

    static final int NAME_MAX = 80;
    static final int URL_MAX = 2000;
    static final int SECRET_MAX = 4000;

    private McpConnectionInput() {
    }

    static String name(String name) {
        String value = name == null ? "" : name.strip();
        if (value.isEmpty()) {
            throw new InvalidInputException("name", "Give the server a name, such as Marketing agent");
        }
        if (value.length() > NAME_MAX) {
            throw new InvalidInputException("name", "Keep the name to " + NAME_MAX + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "Keep the name to one line of text");
        }
        return value;
    }

    /**
     * An absolute http(s) address with a host, without a user or password (they would travel in every log line that
     * names the address; the secret has its own field) and without a #fragment (never sent, so surely a mistake).
     */
    static String url(String url) {
        String value = url == null ? "" : url.strip();
        if (value.isEmpty()) {
            throw new InvalidInputException("url", "Give the server's address, such as https://mcp.example.com/mcp");
        }
        if (value.length() > URL_MAX) {
            throw new InvalidInputException("url", "The address is longer than 2,000 characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "Give the server's full address, such as https://mcp.example.com/mcp");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new InvalidInputException("url", "Give the server's full address, starting with https:// "
                    + "(MCP servers are reached over HTTP)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("url", "Leave the user name and password out of the address; put a "
                    + "secret in the secret field");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidInputException("url", "Leave the #part out of the address");
        }
        return value;
    }

    /**
     * The bearer secret, or null for none (blank). A pasted "Bearer " is dropped, since Flightdeck adds it. The secret
     * travels in a header, so it is one line of printable ASCII characters.
     */
    static String secret(String secret) {
        String value = secret == null ? "" : secret.strip();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            value = value.substring(7).strip();
        }
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > SECRET_MAX) {
            throw new InvalidInputException("secret", "The secret is longer than 4,000 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new InvalidInputException("secret", "The secret must be one line of letters, digits and "
                        + "punctuation, as the server's owner gave it");
            }
        }
        return value;
    }
}
