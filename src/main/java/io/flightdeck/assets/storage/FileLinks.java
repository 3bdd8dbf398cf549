package io.flightdeck.assets.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.crypto.MasterKey;
import io.flightdeck.shared.links.PublicUrls;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The local store's signed URLs: {@code /files/{token}}, where the token carries what the download needs (workspace,
 * key, expiry, MIME type, download name) and an HMAC-SHA256 over it under a key derived from the master key for this
 * purpose alone. Nothing is stored: the signature is the proof, so a link cannot be revoked, only left to expire,
 * which is why it lives minutes.
 * <p>
 * Token: {@code base64url(payload) "." base64url(hmac)}, the payload being a version byte, the workspace id, the
 * expiry in epoch seconds, then key, MIME type and download name as length-prefixed UTF-8.
 */
@Component
public class FileLinks {

    /** Where {@code web} serves the tokens; a public path, since the token is the credential. */
    public static final String PATH = "/files/";

    private static final byte VERSION = 1;
    private static final int MAX_NAME_LENGTH = 255;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Clock clock;
    private final UnaryOperator<String> absolute;

    @Autowired
    public FileLinks(MasterKey masterKey, Clock clock, PublicUrls urls) {
        this(masterKey.derive("flightdeck:file-links:v1"), clock, urls::of);
    }

    FileLinks(byte[] key, Clock clock, UnaryOperator<String> absolute) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.clock = clock;
        this.absolute = absolute;
    }

    /** What a verified token grants: reading {@code key} inside {@code workspaceId}, served as named. */
    public record Link(UUID workspaceId, String key, Instant expiresAt, String mimeType, String downloadName) {
    }

    /** A token that was ours and is past its expiry: worth saying so, unlike a forged one. */
    public static final class LinkExpiredException extends RuntimeException {

        private final Instant expiredAt;

        LinkExpiredException(Instant expiredAt) {
            super("This link expired at " + expiredAt + "; ask for a new one");
            this.expiredAt = expiredAt;
        }

        public Instant expiredAt() {
            return expiredAt;
        }
    }

    /** A link to a key of the current workspace, valid for {@code ttl} from now. */
    URI issue(String ownKey, String downloadName, String mimeType, Duration ttl) {
        Instant expiresAt = clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        String path = PATH + token(new Link(TenantScope.require(), ownKey, expiresAt, DownloadHeaders.contentType(mimeType),
                downloadName == null ? "" : truncated(downloadName)));
        try {
            return URI.create(absolute.apply(path));
        } catch (IllegalStateException e) {
            // without a base URL, links take the address of the request they are made in; a job has none
            throw new IllegalStateException("A signed URL made outside a web request needs flightdeck.base-url "
                    + "(FLIGHTDECK_BASE_URL), the address Flightdeck is reached at", e);
        }
    }

    /** Signs exactly this link; {@link #issue} is the way in, which takes the workspace from the current scope. */
    String token(Link link) {
        byte[] payload = payload(link);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /**
     * The link a token grants. Anything not signed by us, changed or malformed is not found, the same for every
     * cause; only a genuine token past its expiry says so ({@link LinkExpiredException}).
     */
    public Link verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            throw notFound();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        // the decoder ignores the spare bits of a last character; only the one spelling we issue counts, so that any
        // changed character fails
        if (!ENCODER.encodeToString(payload).equals(token.substring(0, dot))
                || !ENCODER.encodeToString(signature).equals(token.substring(dot + 1))) {
            throw notFound();
        }
        // constant-time, so the answer's timing says nothing about how much of a forged signature was right
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw notFound();
        }
        Link link = parse(payload);
        if (!clock.instant().isBefore(link.expiresAt())) {
            throw new LinkExpiredException(link.expiresAt());
        }
        return link;
    }

    private static byte[] payload(Link link) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(link.workspaceId().getMostSignificantBits());
            out.writeLong(link.workspaceId().getLeastSignificantBits());
            out.writeLong(link.expiresAt().getEpochSecond());
            out.writeUTF(link.key());
            out.writeUTF(link.mimeType());
            out.writeUTF(link.downloadName());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Link parse(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readByte() != VERSION) {
                throw notFound();
            }
            UUID workspaceId = new UUID(in.readLong(), in.readLong());
            Instant expiresAt = Instant.ofEpochSecond(in.readLong());
            Link link = new Link(workspaceId, in.readUTF(), expiresAt, in.readUTF(), in.readUTF());
            if (in.available() > 0 || TenantScope.NONE.equals(workspaceId) || TenantScope.SYSTEM.equals(workspaceId)) {
                throw notFound();
            }
            return link;
        } catch (IOException e) {
            // signed by us yet unreadable: only a token of a future version could be, and this node cannot serve it
            throw notFound();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncated(String name) {
        return name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH ? name
                : name.substring(0, name.offsetByCodePoints(0, MAX_NAME_LENGTH));
    }

    private static NotFoundException notFound() {
        return new NotFoundException("The file");
    }
}
