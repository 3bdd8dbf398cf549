package io.flightdeck.shared.links;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import io.flightdeck.shared.crypto.Hmac;

/**
 * Tokens for links that work without a session (tracking, unsubscribe, images in mail, file downloads, opt-in, OAuth
 * state): what the link needs travels in the token, signed for one purpose, so nothing is stored and a forged, altered
 * or other purpose's token is refused. Made by {@link LinkKeys#tokens}.
 * <p>
 * <b>Token.</b> {@code base64url(header ‖ [expiry] ‖ payload ‖ tag)} without padding: the key generation (1 byte,
 * its top bit set when an expiry follows, so a token of one kind never opens as the other), for a purpose with a
 * lifetime the expiry (8 bytes, epoch seconds), the purpose's payload, and HMAC-SHA256 of all before it truncated to
 * 16 bytes (128 bits, twice the floor NIST SP 800-107 sets for a truncated HMAC) under the purpose's key of that
 * generation. The tag is checked in constant time and only the spelling we issue is accepted, so any changed
 * character fails. Payloads are signed, not encrypted: put ids in them, never an address or a name.
 * <p>
 * Generation 1 is byte for byte the layout the tracking and template image links always had (their version byte was
 * 1), so links in mail sent before this kit are tokens of it. Revocation, where a purpose needs it, is the purpose's
 * own: store the token's hash and honour only the stored one (double opt-in does); retiring a generation revokes all
 * of its tokens ({@link LinkKeys}).
 */
public final class SignedTokens {

    /** A payload this long already makes a token of 22,000 characters, longer than any link a mail client keeps. */
    public static final int MAX_PAYLOAD_BYTES = 16 * 1024;
    private static final int TAG_BYTES = 16;
    private static final int EXPIRY_BYTES = 8;
    private static final int EXPIRES = 0x80;
    private static final int MAX_TOKEN_LENGTH = 4 * (1 + EXPIRY_BYTES + MAX_PAYLOAD_BYTES + TAG_BYTES) / 3 + 4;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final LinkKeys keys;
    private final String purpose;
    private final Duration lifetime;
    private final byte[][] byGeneration = new byte[EXPIRES][];

    SignedTokens(LinkKeys keys, String purpose, Duration lifetime) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("A signed token needs a purpose");
        }
        this.keys = keys;
        this.purpose = purpose;
        this.lifetime = lifetime;
        for (int generation = 1; generation <= keys.current(); generation++) {
            if (keys.accepts(generation)) {
                byGeneration[generation] = keys.key(purpose, generation);
            }
        }
    }

    /** A token that expires after the purpose's lifetime, or never for a purpose without one. */
    public String sign(byte[] payload) {
        return sign(payload, lifetime);
    }

    /** A token that expires {@code ttl} from now, at most the purpose's lifetime; whole seconds. */
    public String sign(byte[] payload, Duration ttl) {
        if (payload == null || payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("A token's payload holds up to " + MAX_PAYLOAD_BYTES + " bytes");
        }
        if (lifetime != null && (ttl == null || ttl.compareTo(lifetime) > 0 || ttl.isNegative())) {
            throw new IllegalArgumentException(purpose + " tokens live at most " + lifetime + ", not " + ttl);
        }
        int header = lifetime == null ? 1 : 1 + EXPIRY_BYTES;
        ByteBuffer sealed = ByteBuffer.allocate(header + payload.length + TAG_BYTES);
        sealed.put((byte) (keys.current() | expiresFlag()));
        if (lifetime != null) {
            sealed.putLong(keys.clock().instant().plus(ttl).getEpochSecond());
        }
        sealed.put(payload);
        sealed.put(tag(byGeneration[keys.current()], sealed.array(), sealed.position()));
        return ENCODER.encodeToString(sealed.array());
    }

    /** What a genuine token carries: its payload, positioned at its start, and its expiry (null for none). */
    public record Opened(ByteBuffer payload, Instant expiresAt) {
    }

    /** The payload a genuine token carries; see {@link #opened}. */
    public Optional<ByteBuffer> open(String token) {
        return opened(token).map(Opened::payload);
    }

    /**
     * What a token carries; empty for anything not signed by us for this purpose, the same for every cause (a forger
     * learns nothing), including a retired generation.
     *
     * @throws Expired for a genuine token past its expiry: worth telling its holder, unlike a forgery
     */
    public Optional<Opened> opened(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int header = lifetime == null ? 1 : 1 + EXPIRY_BYTES;
        // the decoder ignores the spare bits of the last character; only the spelling we issue counts
        if (sealed.length < header + TAG_BYTES || !ENCODER.encodeToString(sealed).equals(token)) {
            return Optional.empty();
        }
        int generation = sealed[0] & 0xFF;
        byte[] key = (generation & EXPIRES) == expiresFlag() ? byGeneration[generation & ~EXPIRES] : null;
        int signed = sealed.length - TAG_BYTES;
        if (key == null || !MessageDigest.isEqual(tag(key, sealed, signed), Arrays.copyOfRange(sealed, signed,
                sealed.length))) {
            return Optional.empty();
        }
        Instant expiresAt = null;
        if (lifetime != null) {
            expiresAt = Instant.ofEpochSecond(ByteBuffer.wrap(sealed, 1, EXPIRY_BYTES).getLong());
            if (!keys.clock().instant().isBefore(expiresAt)) {
                throw new Expired(expiresAt);
            }
        }
        return Optional.of(new Opened(ByteBuffer.wrap(sealed, header, signed - header).slice(), expiresAt));
    }

    private int expiresFlag() {
        return lifetime == null ? 0 : EXPIRES;
    }

    private static byte[] tag(byte[] key, byte[] bytes, int length) {
        return Arrays.copyOf(Hmac.sha256(key, Arrays.copyOf(bytes, length)), TAG_BYTES);
    }

    /** A token of ours past its expiry. */
    public static final class Expired extends RuntimeException {

        private final Instant expiredAt;

        public Expired(Instant expiredAt) {
            super("This link expired at " + expiredAt + "; ask for a new one");
            this.expiredAt = expiredAt;
        }

        public Instant expiredAt() {
            return expiredAt;
        }
    }
}
