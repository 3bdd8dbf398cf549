package io.flightdeck.shared.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import io.flightdeck.shared.crypto.Hmac;

/**
 * A hex HMAC-SHA256 in one header, keyed with a shared secret, over the body or over a timestamp header and the body:
 * <ul>
 * <li>{@link #slack}: {@code X-Slack-Signature: v0=<hex>} over {@code v0:<X-Slack-Request-Timestamp>:<body>}, the
 * timestamp within five minutes (Slack's Verifying requests from Slack);</li>
 * <li>{@link #meta}: {@code X-Hub-Signature-256: sha256=<hex>} over the body, keyed with the app secret (Meta's Graph
 * API webhooks; GitHub signs the same way).</li>
 * </ul>
 * Another sender of this shape is one more factory. Several secrets are accepted while one is being rotated.
 */
public final class HmacHeaderScheme implements SignatureScheme {

    private final List<byte[]> keys;
    private final String signatureHeader;
    private final String signaturePrefix;
    private final String timestampHeader;
    private final String signedPrefix;
    private final ReplayWindow window;

    /**
     * @param signatureHeader the header with the signature
     * @param signaturePrefix what stands before the hex in that header ({@code v0=}, {@code sha256=})
     * @param timestampHeader the header with the signed Unix time, or null when the sender signs none
     * @param signedPrefix    what is signed before the body, with {@code {timestamp}} for the timestamp's value
     * @param window          how far the timestamp may be from now; null without a timestamp
     */
    public HmacHeaderScheme(List<String> secrets, String signatureHeader, String signaturePrefix, String timestampHeader,
            String signedPrefix, ReplayWindow window) {
        if (secrets.isEmpty() || secrets.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("An HMAC scheme needs at least one secret, and none empty");
        }
        if ((timestampHeader == null) != (window == null)) {
            throw new IllegalArgumentException("A signed timestamp needs a replay window, and a window a timestamp");
        }
        this.keys = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.signatureHeader = signatureHeader;
        this.signaturePrefix = signaturePrefix;
        this.timestampHeader = timestampHeader;
        this.signedPrefix = signedPrefix;
        this.window = window;
    }

    /** Slack's signing secrets (Basic Information of the Slack app). */
    public static HmacHeaderScheme slack(List<String> signingSecrets, Clock clock) {
        return new HmacHeaderScheme(signingSecrets, "X-Slack-Signature", "v0=", "X-Slack-Request-Timestamp",
                "v0:{timestamp}:", ReplayWindow.of(clock));
    }

    /** Meta's app secrets (App Dashboard, Settings, Basic). */
    public static HmacHeaderScheme meta(List<String> appSecrets) {
        return new HmacHeaderScheme(appSecrets, "X-Hub-Signature-256", "sha256=", null, "", null);
    }

    @Override
    public void verify(WebhookRequest request) {
        String signature = request.header(signatureHeader);
        String timestamp = timestampHeader == null ? null : request.header(timestampHeader);
        if (signature == null || (timestampHeader != null && timestamp == null)) {
            throw new WebhookRejectedException(timestampHeader == null ? "The " + signatureHeader + " header is required"
                    : "The " + signatureHeader + " and " + timestampHeader + " headers are required");
        }
        if (timestampHeader != null) {
            window.check(timestampHeader, timestamp);
        }
        byte[] given = decode(signature.strip());
        byte[] content = signedContent(timestamp, request.body());
        for (byte[] key : keys) {
            if (MessageDigest.isEqual(Hmac.sha256(key, content), given)) {
                return;
            }
        }
        throw new WebhookRejectedException("No signature matches the delivery");
    }

    /** The header value a sender with the first secret puts on a delivery (for tests and fakes). */
    public String sign(String timestamp, byte[] body) {
        return signaturePrefix + HexFormat.of().formatHex(Hmac.sha256(keys.get(0), signedContent(timestamp, body)));
    }

    private byte[] signedContent(String timestamp, byte[] body) {
        String before = timestamp == null ? signedPrefix : signedPrefix.replace("{timestamp}", timestamp);
        return Hmac.concat(before.getBytes(StandardCharsets.UTF_8), body);
    }

    private byte[] decode(String signature) {
        if (!signature.startsWith(signaturePrefix)) {
            return new byte[0];
        }
        try {
            return HexFormat.of().parseHex(signature.substring(signaturePrefix.length()));
        } catch (IllegalArgumentException notHex) {
            return new byte[0];
        }
    }
}
