package io.flightdeck.shared.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * An ECDSA signature (SHA-256, DER, base64) in one header over a timestamp header's value followed by the body,
 * checked with the sender's public keys. {@link #sendGrid}: SendGrid's Signed Event Webhook, headers
 * {@code X-Twilio-Email-Event-Webhook-Signature} and {@code X-Twilio-Email-Event-Webhook-Timestamp}, the P-256
 * verification key as SendGrid shows it (base64 DER; PEM is accepted too). Only the public key is kept here, so there
 * is no secret to compare; a key being replaced and its successor may both be configured.
 */
public final class EcdsaHeaderScheme implements SignatureScheme {

    private final List<PublicKey> keys;
    private final String signatureHeader;
    private final String timestampHeader;
    private final ReplayWindow window;

    public EcdsaHeaderScheme(List<String> publicKeys, String signatureHeader, String timestampHeader,
            ReplayWindow window) {
        if (publicKeys.isEmpty()) {
            throw new IllegalArgumentException("An ECDSA scheme needs at least one public key");
        }
        this.keys = publicKeys.stream().map(EcdsaHeaderScheme::publicKey).toList();
        this.signatureHeader = signatureHeader;
        this.timestampHeader = timestampHeader;
        this.window = window;
    }

    /**
     * SendGrid's verification keys. SendGrid documents no window for its timestamp; the usual five minutes is ours,
     * as each attempt is signed when it is sent.
     */
    public static EcdsaHeaderScheme sendGrid(List<String> verificationKeys, Clock clock) {
        return new EcdsaHeaderScheme(verificationKeys, "X-Twilio-Email-Event-Webhook-Signature",
                "X-Twilio-Email-Event-Webhook-Timestamp", ReplayWindow.of(clock));
    }

    @Override
    public void verify(WebhookRequest request) {
        String signature = request.header(signatureHeader);
        String timestamp = request.header(timestampHeader);
        if (signature == null || timestamp == null) {
            throw new WebhookRejectedException("The " + signatureHeader + " and " + timestampHeader
                    + " headers are required");
        }
        window.check(timestampHeader, timestamp);
        byte[] der;
        try {
            der = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new WebhookRejectedException(signatureHeader + " is not base64");
        }
        for (PublicKey key : keys) {
            if (verifies(key, timestamp, request.body(), der)) {
                return;
            }
        }
        throw new WebhookRejectedException("No signature matches the delivery");
    }

    private static boolean verifies(PublicKey key, String timestamp, byte[] body, byte[] der) {
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initVerify(key);
            ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
            ecdsa.update(body);
            return ecdsa.verify(der);
        } catch (SignatureException malformed) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey publicKey(String encoded) {
        String base64 = encoded.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(base64)));
            if (((ECPublicKey) key).getParams().getCurve().getField().getFieldSize() != 256) {
                throw new IllegalArgumentException("The ECDSA public key is not on a 256-bit curve (P-256)");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an EC public key in base64 DER or PEM: " + e.getMessage(), e);
        }
    }
}
