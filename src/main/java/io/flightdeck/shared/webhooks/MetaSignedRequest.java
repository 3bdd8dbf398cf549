package io.flightdeck.shared.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

import io.flightdeck.shared.crypto.Hmac;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's {@code signed_request}, as its deauthorize callback posts it: two base64url parts joined by a dot, the
 * HMAC-SHA256 of the second part (as sent, still encoded) under the app secret, then the JSON payload, whose
 * {@code algorithm} must say {@code HMAC-SHA256}. Follows Meta's data deletion callback page, which shows how a signed
 * request is parsed (developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback), and
 * the Deauthorize Callback URL of Facebook Login's settings in the App Dashboard, which posts the same form field.
 * Anything else (a missing part, bad base64url, another algorithm, a signature that differs) is refused before the
 * payload is used; the signatures are compared in constant time. Meta may pad the signature with {@code =}: both
 * padded and unpadded base64url are read.
 *
 * @param userId    the app-scoped id of the person who removed the app; null when absent
 * @param profileId the Page that removed the app, when it was a Page; null otherwise
 */
public record MetaSignedRequest(String userId, String profileId) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A signed request is small; a huge one is no one's. */
    private static final int MAX_LENGTH = 8 * 1024;

    /** The verified request; throws {@link WebhookRejectedException} (401) for anything not signed with the secret. */
    public static MetaSignedRequest verify(String signedRequest, String appSecret) {
        if (appSecret == null || appSecret.isBlank()) {
            throw new WebhookRejectedException("No app secret to verify the signed request with");
        }
        if (signedRequest == null || signedRequest.isBlank() || signedRequest.length() > MAX_LENGTH) {
            throw new WebhookRejectedException("The signed request is missing");
        }
        int dot = signedRequest.indexOf('.');
        if (dot <= 0 || dot == signedRequest.length() - 1 || signedRequest.indexOf('.', dot + 1) >= 0) {
            throw new WebhookRejectedException("The signed request is not a signature and a payload");
        }
        String encodedPayload = signedRequest.substring(dot + 1);
        byte[] signature = decode(signedRequest.substring(0, dot));
        byte[] payload = decode(encodedPayload);
        if (!MessageDigest.isEqual(signature, Hmac.sha256(appSecret.getBytes(StandardCharsets.UTF_8),
                encodedPayload.getBytes(StandardCharsets.US_ASCII)))) {
            throw new WebhookRejectedException("The signed request's signature does not match");
        }
        JsonNode data;
        try {
            data = JSON.readTree(payload);
        } catch (RuntimeException notJson) {
            throw new WebhookRejectedException("The signed request's payload is not JSON");
        }
        if (data == null || !data.isObject()
                || !"HMAC-SHA256".equals(data.path("algorithm").asString("").toUpperCase(Locale.ROOT))) {
            throw new WebhookRejectedException("The signed request does not say HMAC-SHA256");
        }
        return new MetaSignedRequest(id(data.path("user_id")), id(data.path("profile_id")));
    }

    /** Ids come as strings or numbers; a zero means none (a Page's removal carries user_id 0). */
    private static String id(JsonNode node) {
        String id = node.isMissingNode() || node.isNull() ? null : node.asString("");
        return id == null || id.isBlank() || "0".equals(id) ? null : id;
    }

    private static byte[] decode(String part) {
        try {
            return Base64.getUrlDecoder().decode(part); // padding is optional here, as Meta leaves it off
        } catch (IllegalArgumentException notBase64url) {
            throw new WebhookRejectedException("The signed request is not base64url");
        }
    }
}
