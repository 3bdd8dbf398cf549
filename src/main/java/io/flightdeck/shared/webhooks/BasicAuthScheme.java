package io.flightdeck.shared.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * HTTP Basic credentials in the address the sender calls, for senders that sign nothing: Mailjet's Event API is
 * secured this way (its documentation recommends {@code https://user:password@host/path}, which arrives as an
 * {@code Authorization: Basic} header). Several {@code user:password} pairs are accepted while one is being replaced.
 * Nothing is signed, so nothing ties a delivery to a time: dedupe its events by their own ids.
 */
public final class BasicAuthScheme implements SignatureScheme {

    private final List<byte[]> credentials;

    /** {@code credentials}: {@code user:password} pairs. */
    public BasicAuthScheme(List<String> credentials) {
        if (credentials.isEmpty() || credentials.stream().anyMatch(c -> c.indexOf(':') < 1)) {
            throw new IllegalArgumentException("Basic credentials are user:password pairs, at least one");
        }
        this.credentials = credentials.stream().map(c -> c.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public void verify(WebhookRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new WebhookRejectedException("Basic credentials are required");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException notBase64) {
            throw new WebhookRejectedException("The Basic credentials are not base64");
        }
        for (byte[] expected : credentials) {
            if (MessageDigest.isEqual(expected, given)) {
                return;
            }
        }
        throw new WebhookRejectedException("The credentials do not match");
    }
}
