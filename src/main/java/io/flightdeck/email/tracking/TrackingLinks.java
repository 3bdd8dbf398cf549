package io.flightdeck.email.tracking;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;

/**
 * Signed tracking URLs: click links ({@code <base>/t/c/<token>}), open pixels ({@code <base>/t/o/<token>}) and
 * RFC 8058 one-click unsubscribe links ({@code <base>/t/u/<token>}). Nothing is stored: the token carries what the
 * endpoint needs and an HMAC-SHA256 over it, so a forged or altered token is refused, and a click can only ever go to
 * the target that was signed: no open redirect.
 * <p>
 * <b>Token.</b> {@code base64url(payload ‖ tag)} without padding, where the payload is a version byte, a kind byte
 * ({@code c}, {@code o} or {@code u}, so a pixel token can never pass as a click or an unsubscribe), the send id and
 * the contact id (16 bytes each), and for a click the link index (2 bytes) and the target URL in UTF-8, as the WHATWG
 * URL Standard writes it ({@link WebLink}: what a mail app would open, percent-encoded where needed); the tag is
 * HMAC-SHA256 of the payload truncated to 16 bytes (128 bits, well above the 64 that NIST SP 800-107 sets as the floor
 * for a truncated HMAC). An open or unsubscribe token is 67 characters and reveals no email address or name, only two
 * internal ids that mean nothing without the database.
 * <p>
 * <b>Why the target is signed rather than looked up.</b> The click endpoint then redirects without reading the send's
 * link table, and links keep working whatever becomes of that table; the price is length, about 4/3 of the target on
 * top of about 70 characters, which is why targets over {@value #MAX_TARGET_LENGTH} characters are refused. The link index
 * still travels with it, so a click is counted against the right link of the send.
 * <p>
 * Tokens do not expire (people click old emails, and an unsubscribe link must keep working); changing the key
 * invalidates every link ever sent, so the key is derived from the master key for this purpose alone:
 * {@code new TrackingLinks(masterKey.derive(TrackingLinks.KEY_PURPOSE))}.
 */
public final class TrackingLinks {

    public static final String KEY_PURPOSE = "flightdeck:email-tracking:v1";
    public static final String CLICK_PATH = "/t/c/";
    public static final String OPEN_PATH = "/t/o/";
    public static final String UNSUBSCRIBE_PATH = "/t/u/";

    /** Longer addresses break in some mail clients and proxies; a landing page needs no more. */
    public static final int MAX_TARGET_LENGTH = WebLink.MAX_LENGTH;
    private static final int MAX_LINK_INDEX = 0xFFFF;
    private static final int TAG_BYTES = 16;
    /** The send and contact ids, and where they end after the version and kind bytes. */
    private static final int IDS = 16 + 16;
    private static final int IDS_END = 2 + IDS;
    private static final int MAX_TOKEN_LENGTH = 4 * (IDS_END + 2 + 3 * MAX_TARGET_LENGTH + TAG_BYTES) / 3 + 4;
    private static final byte VERSION = 1;
    private static final byte CLICK = 'c';
    private static final byte OPEN = 'o';
    private static final byte UNSUBSCRIBE = 'u';
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    /** @param key at least 32 bytes, for this purpose only (see {@link #KEY_PURPOSE}) */
    public TrackingLinks(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("The tracking key must hold at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public record OpenPixel(UUID sendId, UUID contactId) {
    }

    /** A verified click; redirect to {@code target.toASCIIString()}. */
    public record LinkClick(UUID sendId, UUID contactId, int linkIndex, URI target) {
    }

    public record Unsubscribe(UUID sendId, UUID contactId) {
    }

    public String clickUrl(String baseUrl, UUID sendId, UUID contactId, int linkIndex, String targetUrl) {
        String base = base(baseUrl);
        if (linkIndex < 0 || linkIndex > MAX_LINK_INDEX) {
            throw new InvalidInputException("linkIndex", "The link index must be between 0 and " + MAX_LINK_INDEX
                    + "; it is " + linkIndex);
        }
        // the address as the standard serialises it is what is signed, so the redirect goes where the mail app would
        byte[] target = WebLink.parse(targetUrl, "targetUrl").address().getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ids(CLICK, sendId, contactId, 2 + target.length);
        payload.putShort((short) linkIndex).put(target);
        return base + CLICK_PATH + seal(payload.array());
    }

    public String openUrl(String baseUrl, UUID sendId, UUID contactId) {
        return base(baseUrl) + OPEN_PATH + seal(ids(OPEN, sendId, contactId, 0).array());
    }

    /** For the {@code List-Unsubscribe} header's URL and the one-click POST it receives (RFC 8058). */
    public String unsubscribeToken(UUID sendId, UUID contactId) {
        return seal(ids(UNSUBSCRIBE, sendId, contactId, 0).array());
    }

    public String unsubscribeUrl(String baseUrl, UUID sendId, UUID contactId) {
        return base(baseUrl) + UNSUBSCRIBE_PATH + unsubscribeToken(sendId, contactId);
    }

    /** The click a token stands for; anything forged, altered or of another kind is not found. */
    public LinkClick click(String token) {
        ByteBuffer payload = opened(token, CLICK);
        if (payload.remaining() < IDS + 2 + 1) {
            throw notFound();
        }
        UUID send = new UUID(payload.getLong(), payload.getLong());
        UUID contact = new UUID(payload.getLong(), payload.getLong());
        int linkIndex = Short.toUnsignedInt(payload.getShort());
        String target = StandardCharsets.UTF_8.decode(payload).toString();
        URI checked;
        try {
            // signed only after the same check; checked again so that no key mistake can ever redirect elsewhere
            checked = httpTarget(target, "token");
        } catch (InvalidInputException e) {
            throw notFound();
        }
        // the target as it was signed: since links are read by the WHATWG standard that is the same address, and a
        // link signed before (https://example.com, without the slash) keeps the spelling its earlier clicks are
        // counted under
        try {
            return new LinkClick(send, contact, linkIndex, new URI(target));
        } catch (URISyntaxException e) {
            return new LinkClick(send, contact, linkIndex, checked);
        }
    }

    public OpenPixel open(String token) {
        ByteBuffer payload = opened(token, OPEN);
        if (payload.remaining() != IDS) {
            throw notFound();
        }
        return new OpenPixel(new UUID(payload.getLong(), payload.getLong()), new UUID(payload.getLong(), payload.getLong()));
    }

    public Unsubscribe unsubscribe(String token) {
        ByteBuffer payload = opened(token, UNSUBSCRIBE);
        if (payload.remaining() != IDS) {
            throw notFound();
        }
        return new Unsubscribe(new UUID(payload.getLong(), payload.getLong()),
                new UUID(payload.getLong(), payload.getLong()));
    }

    private static ByteBuffer ids(byte kind, UUID sendId, UUID contactId, int extra) {
        if (sendId == null || contactId == null) {
            throw new InvalidInputException(sendId == null ? "sendId" : "contactId",
                    "A tracking link needs both the send and the contact");
        }
        ByteBuffer payload = ByteBuffer.allocate(IDS_END + extra);
        payload.put(VERSION).put(kind);
        payload.putLong(sendId.getMostSignificantBits()).putLong(sendId.getLeastSignificantBits());
        payload.putLong(contactId.getMostSignificantBits()).putLong(contactId.getLeastSignificantBits());
        return payload;
    }

    private String seal(byte[] payload) {
        byte[] sealed = Arrays.copyOf(payload, payload.length + TAG_BYTES);
        System.arraycopy(tag(payload), 0, sealed, payload.length, TAG_BYTES);
        return ENCODER.encodeToString(sealed);
    }

    /** The payload after version, kind and a valid tag, positioned at the send id. */
    private ByteBuffer opened(String token, byte kind) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw notFound();
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        // the decoder ignores the spare bits of the last character; only the spelling we issue counts, so that a
        // changed character always fails
        if (sealed.length < IDS_END + TAG_BYTES || !ENCODER.encodeToString(sealed).equals(token)) {
            throw notFound();
        }
        byte[] payload = Arrays.copyOf(sealed, sealed.length - TAG_BYTES);
        byte[] given = Arrays.copyOfRange(sealed, payload.length, sealed.length);
        // constant time, so the time taken says nothing about how much of a forged tag was right
        if (!MessageDigest.isEqual(tag(payload), given) || payload[0] != VERSION || payload[1] != kind) {
            throw notFound();
        }
        return ByteBuffer.wrap(payload, 2, payload.length - 2);
    }

    private byte[] tag(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base(String baseUrl) {
        URI uri = httpTarget(baseUrl == null ? null : baseUrl.strip(), "baseUrl");
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException("baseUrl", "The base address must end in a path, with no query or fragment");
        }
        String base = uri.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }

    /**
     * An absolute http or https URL with a host and no user name in it, read by the WHATWG URL Standard as mail apps
     * read it ({@link WebLink}), or a refusal in plain words.
     */
    static URI httpTarget(String url, String field) {
        return WebLink.parse(url, field).uri();
    }

    private static NotFoundException notFound() {
        // the same for every cause: a forger learns nothing from the answer
        return new NotFoundException("The tracking link");
    }
}
