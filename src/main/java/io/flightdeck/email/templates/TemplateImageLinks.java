package io.flightdeck.email.templates;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.flightdeck.shared.NotFoundException;

/**
 * Signed addresses of the asset library's images in email ({@code <base>/t/i/<token>}): a recipient's mail client
 * loads them without a session. The token is {@code base64url(version ‖ workspace id ‖ asset id ‖ tag)}, the tag an
 * HMAC-SHA256 of the rest truncated to 16 bytes, as for the tracking links; 66 characters that reveal only two ids.
 * <p>
 * They do not expire: mail is opened months later. What stops one is the image itself: an archived or deleted asset
 * is no longer served. The key is derived from the master key for this purpose alone, so these tokens never pass as
 * tracking tokens or the other way round.
 */
public final class TemplateImageLinks {

    public static final String KEY_PURPOSE = "flightdeck:email-template-images:v1";
    public static final String PATH = "/t/i/";

    private static final byte VERSION = 1;
    private static final int PAYLOAD_BYTES = 1 + 16 + 16;
    private static final int TAG_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final String baseUrl;

    /**
     * @param key     at least 32 bytes, for this purpose only
     * @param baseUrl the installation's public address ({@code flightdeck.base-url}); blank when not set
     */
    public TemplateImageLinks(byte[] key, String baseUrl) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("The image link key must hold at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        String base = baseUrl == null ? "" : baseUrl.strip();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** An image in mail needs an absolute https address (the sanitiser keeps no other), so the base must be one. */
    public boolean available() {
        return baseUrl.startsWith("https://");
    }

    /** Why no link can be made, in words for the picker; null when links can be made. */
    public String unavailableReason() {
        if (available()) {
            return null;
        }
        return baseUrl.isEmpty()
                ? "Images need this installation's public address: set FLIGHTDECK_BASE_URL (flightdeck.base-url) to "
                        + "its https address, because a mail app fetches images from outside without signing in."
                : "Images need an https public address, and FLIGHTDECK_BASE_URL is " + baseUrl
                        + ": mail apps and the sanitiser take only https images.";
    }

    public String url(UUID workspaceId, UUID assetId) {
        if (!available()) {
            throw new IllegalStateException(unavailableReason());
        }
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES).put(VERSION)
                .putLong(workspaceId.getMostSignificantBits()).putLong(workspaceId.getLeastSignificantBits())
                .putLong(assetId.getMostSignificantBits()).putLong(assetId.getLeastSignificantBits());
        byte[] sealed = Arrays.copyOf(payload.array(), PAYLOAD_BYTES + TAG_BYTES);
        System.arraycopy(tag(payload.array()), 0, sealed, PAYLOAD_BYTES, TAG_BYTES);
        return baseUrl + PATH + ENCODER.encodeToString(sealed);
    }

    public record Image(UUID workspaceId, UUID assetId) {
    }

    /** The image a token names; anything forged, altered or malformed is not found. */
    public Image verify(String token) {
        if (token == null || token.length() != 66) {
            throw notFound();
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        // one spelling per token: the decoder would accept other trailing bits
        if (sealed.length != PAYLOAD_BYTES + TAG_BYTES || !ENCODER.encodeToString(sealed).equals(token)) {
            throw notFound();
        }
        byte[] payload = Arrays.copyOf(sealed, PAYLOAD_BYTES);
        byte[] given = Arrays.copyOfRange(sealed, PAYLOAD_BYTES, sealed.length);
        if (!MessageDigest.isEqual(tag(payload), given) || payload[0] != VERSION) {
            throw notFound();
        }
        ByteBuffer ids = ByteBuffer.wrap(payload, 1, PAYLOAD_BYTES - 1);
        return new Image(new UUID(ids.getLong(), ids.getLong()), new UUID(ids.getLong(), ids.getLong()));
    }

    private byte[] tag(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Image");
    }
}
