package io.flightdeck.rendering.remote;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.flightdeck.rendering.WebhookRejectedException;

/**
 * Replicate's webhook signatures (the Standard Webhooks scheme): {@code webhook-signature} holds space-separated
 * {@code v1,<base64>} HMAC-SHA256 values of {@code "{webhook-id}.{webhook-timestamp}.{body}"}, keyed with the
 * base64 after {@code whsec_} in the account's secret. A timestamp too far from now is refused, so a captured
 * delivery cannot be replayed later.
 */
class ReplicateSignature {

    private final byte[] key;
    private final Duration tolerance;
    private final Clock clock;

    ReplicateSignature(String secret, Duration tolerance, Clock clock) {
        this.key = secret == null || secret.isBlank() ? null
                : Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** Checks the delivery; throws {@link WebhookRejectedException} saying why it is refused. */
    void verify(Map<String, String> headers, byte[] body) {
        if (key == null) {
            throw new WebhookRejectedException("No Replicate webhook secret is configured here, so no delivery can be verified");
        }
        String id = headers.get("webhook-id");
        String timestamp = headers.get("webhook-timestamp");
        String signatures = headers.get("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            throw new WebhookRejectedException("The webhook-id, webhook-timestamp and webhook-signature headers are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new WebhookRejectedException("webhook-timestamp is not a Unix time");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (age.compareTo(tolerance) > 0) {
            throw new WebhookRejectedException("The delivery's timestamp is " + age.toSeconds() + " s from now; older than "
                    + tolerance.toSeconds() + " s is refused");
        }
        byte[] expected = Base64.getDecoder().decode(sign(id, seconds, body));
        for (String candidate : signatures.strip().split("\\s+")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return;
            }
        }
        throw new WebhookRejectedException("No signature matches the delivery");
    }

    /** The base64 signature of a delivery (what Replicate sends after {@code v1,}). */
    String sign(String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
