package io.flightdeck.email.templates;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.flightdeck.shared.NotFoundException;

/**
 * Signed addresses of the asset library's images in email ({@code <base>/t/i/<token>}): a recipient's mail client
 * loads them without a session. The token is {@code base64url(version ‖ workspace id ‖ asset id ‖ tag)}, the tag an
 * HMAC-SHA256 of the rest truncated to 16 bytes, as for the tracking links; 66 characters that reveal only two ids.
 * <p>
 * Links are made under an http base address too (a laptop), so previews and the outbox show the image; only an https
 * public address reaches recipients' mail apps, which the picker says ({@link #recipientsNote}).
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
    private final Supplier<String> localBase;

    /**
     * @param key       at least 32 bytes, for this purpose only
     * @param baseUrl   the installation's public address ({@code flightdeck.base-url}); blank when not set
     * @param localBase the address links are made under while {@code baseUrl} is blank: the one the request came in
     *                  on, else this node's on localhost
     */
    public TemplateImageLinks(byte[] key, String baseUrl, Supplier<String> localBase) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("The image link key must hold at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.baseUrl = withoutSlash(baseUrl == null ? "" : baseUrl.strip());
        this.localBase = localBase;
    }

    /**
     * Whether recipients' mail apps can load the images: only from a public https address. Over http (a laptop, the
     * default) links are made all the same, because the previews and the outbox show them; mail apps block plain http
     * images or cannot reach the address at all.
     */
    public boolean reachesRecipients() {
        return baseUrl.regionMatches(true, 0, "https://", 0, 8);
    }

    /** What the picker says while recipients cannot see the images, in plain words; null when they can. */
    public String recipientsNote() {
        if (reachesRecipients()) {
            return null;
        }
        return "Images you insert show in the preview and in the outbox, but your recipients' mail apps will not show "
                + "them yet: they need this installation's public https address, and it is "
                + (baseUrl.isEmpty() ? "not set" : baseUrl) + ". Ask whoever runs Flightdeck to set FLIGHTDECK_BASE_URL "
                + "to it before you send.";
    }

    public String url(UUID workspaceId, UUID assetId) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES).put(VERSION)
                .putLong(workspaceId.getMostSignificantBits()).putLong(workspaceId.getLeastSignificantBits())
                .putLong(assetId.getMostSignificantBits()).putLong(assetId.getLeastSignificantBits());
        byte[] sealed = Arrays.copyOf(payload.array(), PAYLOAD_BYTES + TAG_BYTES);
        System.arraycopy(tag(payload.array()), 0, sealed, PAYLOAD_BYTES, TAG_BYTES);
        String base = baseUrl.isEmpty() ? withoutSlash(localBase.get()) : baseUrl;
        return base + PATH + ENCODER.encodeToString(sealed);
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

    private static String withoutSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Image");
    }
}
