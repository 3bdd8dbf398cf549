package io.flightdeck.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one key everything secret derives from: secret encryption, JWT signing, remember-me cookies,
 * signed links. Taken from
 * {@code FLIGHTDECK_SECRETS_KEY} (base64 of 32 bytes); without it, generated once and kept in
 * {@code <data-dir>/secrets.key}. Every node of a cluster must share the same key.
 */
@Component
public class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final byte[] key;

    public MasterKey(@Value("${flightdeck.secrets.key:}") String configured, @Value("${flightdeck.data-dir}") Path dataDir) {
        this.key = configured.isBlank() ? loadOrCreate(dataDir.resolve("secrets.key")) : decode(configured);
    }

    /** A 256-bit key for one purpose (HMAC-SHA256 of the purpose under the master key). */
    public byte[] derive(String purpose) {
        return Hmac.sha256(key, purpose.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] decode(String configured) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(configured.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("FLIGHTDECK_SECRETS_KEY must be base64 (for example: openssl rand -base64 32)");
        }
        if (decoded.length < 32) {
            throw new IllegalStateException("FLIGHTDECK_SECRETS_KEY must hold at least 32 bytes; it holds " + decoded.length);
        }
        return decoded;
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.info("Generated a new secrets key in {}; set FLIGHTDECK_SECRETS_KEY to share one across nodes", file);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secrets key " + file, e);
        }
    }
}
