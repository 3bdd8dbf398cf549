package io.flightdeck.assets.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.crypto.Hmac;
import io.flightdeck.shared.crypto.MasterKey;
import io.flightdeck.shared.links.LinkKeys;
import io.flightdeck.shared.links.PublicUrls;
import io.flightdeck.shared.links.SignedTokens;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The local store's signed URLs: {@code /files/{token}}, where the token carries what the download needs (workspace,
 * key, MIME type, download name) and its expiry, a {@link SignedTokens} token of purpose {@value #PURPOSE}. Nothing is
 * stored: the signature is the proof, so a link cannot be revoked, only left to expire, which is why it lives minutes
 * ({@link BlobStore#MAX_SIGNED_URL_TTL} at most).
 * <p>
 * The payload is the workspace id, then key, MIME type and download name as length-prefixed UTF-8. Tokens of the
 * format before the kit ({@code base64url(payload) "." base64url(hmac)}, with a dot) are still accepted while they
 * can be valid: an hour after an upgrade none is, and {@link #v1} can go.
 */
@Component
public class FileLinks {

    /** Where {@code web} serves the tokens; a public path, since the token is the credential. */
    public static final String PATH = "/files/";
    static final String PURPOSE = "flightdeck:file-downloads";
    /** The key the format before the kit was signed under; a different purpose, so one never passes as the other. */
    static final String V1_KEY_PURPOSE = "flightdeck:file-links:v1";

    private static final int MAX_NAME_LENGTH = 255;

    private final SignedTokens tokens;
    private final byte[] v1Key;
    private final Clock clock;
    private final UnaryOperator<String> absolute;

    @Autowired
    FileLinks(LinkKeys keys, MasterKey masterKey, Clock clock, PublicUrls urls) {
        this(keys, masterKey, clock, urls::of);
    }

    FileLinks(LinkKeys keys, MasterKey masterKey, Clock clock, UnaryOperator<String> absolute) {
        this.tokens = keys.tokens(PURPOSE, BlobStore.MAX_SIGNED_URL_TTL);
        this.v1Key = masterKey.derive(V1_KEY_PURPOSE);
        this.clock = clock;
        this.absolute = absolute;
    }

    /** What a verified token grants: reading {@code key} inside {@code workspaceId}, served as named. */
    public record Link(UUID workspaceId, String key, Instant expiresAt, String mimeType, String downloadName) {
    }

    /** A link to a key of the current workspace, valid for {@code ttl} from now. */
    URI issue(String ownKey, String downloadName, String mimeType, Duration ttl) {
        String path = PATH + token(TenantScope.require(), ownKey, DownloadHeaders.contentType(mimeType),
                downloadName == null ? "" : truncated(downloadName), ttl);
        try {
            return URI.create(absolute.apply(path));
        } catch (IllegalStateException e) {
            // without a base URL, links take the address of the request they are made in; a job has none
            throw new IllegalStateException("A signed URL made outside a web request needs flightdeck.base-url "
                    + "(FLIGHTDECK_BASE_URL), the address Flightdeck is reached at", e);
        }
    }

    /**
     * The link a token grants. Anything not signed by us, changed or malformed is not found, the same for every
     * cause; only a genuine token past its expiry says so ({@link SignedTokens.Expired}).
     */
    public Link verify(String token) {
        if (token != null && token.indexOf('.') >= 0) {
            return v1(token);
        }
        SignedTokens.Opened opened = tokens.opened(token).orElseThrow(FileLinks::notFound);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(opened.payload().array(),
                opened.payload().arrayOffset(), opened.payload().remaining()))) {
            return link(in, new UUID(in.readLong(), in.readLong()), opened.expiresAt());
        } catch (IOException e) {
            throw notFound();
        }
    }

    /** Signs exactly this; {@link #issue} is the way in, which takes the workspace from the current scope. */
    String token(UUID workspaceId, String key, String mimeType, String downloadName, Duration ttl) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(workspaceId.getMostSignificantBits());
            out.writeLong(workspaceId.getLeastSignificantBits());
            out.writeUTF(key);
            out.writeUTF(mimeType);
            out.writeUTF(downloadName);
            out.flush();
            return tokens.sign(bytes.toByteArray(), ttl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Key, MIME type and name after the workspace; nothing may follow them. */
    private static Link link(DataInputStream in, UUID workspaceId, Instant expiresAt) throws IOException {
        Link link = new Link(workspaceId, in.readUTF(), expiresAt, in.readUTF(), in.readUTF());
        if (in.available() > 0 || TenantScope.NONE.equals(workspaceId) || TenantScope.SYSTEM.equals(workspaceId)) {
            throw notFound();
        }
        return link;
    }

    /** A token of the format before the kit: version 1, workspace, expiry, then as now; the full HMAC after a dot. */
    private Link v1(String token) {
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String spelling = encoder.encodeToString(payload) + "." + encoder.encodeToString(signature);
        if (payload.length == 0 || payload[0] != 1 || !spelling.equals(token)
                || !MessageDigest.isEqual(Hmac.sha256(v1Key, payload), signature)) {
            throw notFound();
        }
        Link link;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload, 1, payload.length - 1))) {
            link = link(in, new UUID(in.readLong(), in.readLong()), Instant.ofEpochSecond(in.readLong()));
        } catch (IOException e) {
            throw notFound();
        }
        if (!clock.instant().isBefore(link.expiresAt())) {
            throw new SignedTokens.Expired(link.expiresAt());
        }
        return link;
    }

    private static String truncated(String name) {
        return name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH ? name
                : name.substring(0, name.offsetByCodePoints(0, MAX_NAME_LENGTH));
    }

    private static NotFoundException notFound() {
        return new NotFoundException("The file");
    }
}
