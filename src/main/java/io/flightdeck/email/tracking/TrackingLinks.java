package io.flightdeck.email.tracking;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.links.SignedTokens;

/**
 * Signed tracking URLs: click links ({@code <base>/t/c/<token>}), open pixels ({@code <base>/t/o/<token>}) and
 * RFC 8058 one-click unsubscribe links ({@code <base>/t/u/<token>}). Nothing is stored: the token carries what the
 * endpoint needs and an HMAC-SHA256 over it, so a forged or altered token is refused, and a click can only ever go to
 * the target that was signed: no open redirect.
 * <p>
 * <b>Token.</b> A {@link SignedTokens} token of purpose {@value #KEY_PURPOSE}, whose payload is a kind byte ({@code c},
 * {@code o} or {@code u}, so a pixel token can never pass as a click or an unsubscribe), the send id and the contact id
 * (16 bytes each), and for a click the link index (2 bytes) and the target URL in UTF-8, as the WHATWG URL Standard
 * writes it ({@link WebLink}: what a mail app would open, percent-encoded where needed). An open or unsubscribe token
 * is 67 characters and reveals no email address or name, only two internal ids that mean nothing without the
 * database. Generation 1 of the kit is the layout these links had before it, so every link ever sent still works.
 * <p>
 * <b>Why the target is signed rather than looked up.</b> The click endpoint then redirects without reading the send's
 * link table, and links keep working whatever becomes of that table; the price is length, about 4/3 of the target on
 * top of about 70 characters, which is why targets over {@value #MAX_TARGET_LENGTH} characters are refused. The link index
 * still travels with it, so a click is counted against the right link of the send.
 * <p>
 * Tokens do not expire (people click old emails, and an unsubscribe link must keep working); retiring a key generation
 * invalidates every link it signed, so the keys are this purpose's alone: {@code new
 * TrackingLinks(linkKeys.tokens(TrackingLinks.KEY_PURPOSE))}.
 */
public final class TrackingLinks {

    public static final String KEY_PURPOSE = "flightdeck:email-tracking";
    public static final String CLICK_PATH = "/t/c/";
    public static final String OPEN_PATH = "/t/o/";
    public static final String UNSUBSCRIBE_PATH = "/t/u/";

    /** Longer addresses break in some mail clients and proxies; a landing page needs no more. */
    public static final int MAX_TARGET_LENGTH = WebLink.MAX_LENGTH;
    private static final int MAX_LINK_INDEX = 0xFFFF;
    /** The send and contact ids, and where they end after the kind byte. */
    private static final int IDS = 16 + 16;
    private static final int IDS_END = 1 + IDS;
    private static final byte CLICK = 'c';
    private static final byte OPEN = 'o';
    private static final byte UNSUBSCRIBE = 'u';

    private final SignedTokens tokens;

    /** @param tokens of purpose {@link #KEY_PURPOSE}, without a lifetime */
    public TrackingLinks(SignedTokens tokens) {
        this.tokens = tokens;
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
        payload.put(kind);
        payload.putLong(sendId.getMostSignificantBits()).putLong(sendId.getLeastSignificantBits());
        payload.putLong(contactId.getMostSignificantBits()).putLong(contactId.getLeastSignificantBits());
        return payload;
    }

    private String seal(byte[] payload) {
        return tokens.sign(payload);
    }

    /** The payload after its kind byte, positioned at the send id. */
    private ByteBuffer opened(String token, byte kind) {
        ByteBuffer payload = tokens.open(token).orElseThrow(TrackingLinks::notFound);
        if (payload.remaining() < IDS_END || payload.get() != kind) {
            throw notFound();
        }
        return payload;
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
