package io.flightdeck.shared.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import io.flightdeck.shared.crypto.Hmac;

/**
 * The Standard Webhooks spec (standardwebhooks.com; Replicate, Svix and others send it): headers {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature}, the last a space-separated list of {@code v1,<base64>}
 * HMAC-SHA256 values of {@code <id>.<timestamp>.<body>}, keyed with the base64 after {@code whsec_} in the secret.
 * Several secrets are accepted while one is being rotated (the sender then signs with both), and the timestamp must
 * be within the {@link ReplayWindow}. The id is the delivery's, for {@link WebhookDeliveries}.
 */
public final class StandardWebhooksScheme implements SignatureScheme {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    private static final String PREFIX = "whsec_";

    private final List<byte[]> keys;
    private final ReplayWindow window;

    /** {@code secrets}: one or more {@code whsec_…} secrets (the prefix may be left out), newest first. */
    public StandardWebhooksScheme(List<String> secrets, ReplayWindow window) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("A Standard Webhooks scheme needs at least one secret");
        }
        this.keys = secrets.stream()
                .map(s -> Base64.getDecoder().decode(s.startsWith(PREFIX) ? s.substring(PREFIX.length()) : s))
                .toList();
        if (keys.stream().anyMatch(key -> key.length == 0)) {
            throw new IllegalArgumentException("A Standard Webhooks secret must not be empty");
        }
        this.window = window;
    }

    @Override
    public void verify(WebhookRequest request) {
        String id = request.header(ID);
        String timestamp = request.header(TIMESTAMP);
        String signatures = request.header(SIGNATURE);
        if (id == null || timestamp == null || signatures == null) {
            throw new WebhookRejectedException("The webhook-id, webhook-timestamp and webhook-signature headers are required");
        }
        long seconds = window.check(TIMESTAMP, timestamp);
        for (byte[] key : keys) {
            byte[] expected = Hmac.sha256(key, signedContent(id, seconds, request.body()));
            for (String candidate : signatures.strip().split("\\s+")) {
                if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected, decode(candidate.substring(3)))) {
                    return;
                }
            }
        }
        throw new WebhookRejectedException("No signature matches the delivery");
    }

    /** The {@code webhook-signature} value a sender with the newest secret puts on a delivery: {@code v1,<base64>}. */
    public String sign(String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(Hmac.sha256(keys.get(0), signedContent(id, timestamp, body)));
    }

    private static byte[] signedContent(String id, long timestamp, byte[] body) {
        return Hmac.concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }
}
