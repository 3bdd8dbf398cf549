package io.flightdeck.assets.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.InvalidInputException;

/**
 * The checksum a client sent with one append ({@code Upload-Checksum}): it covers that request's bytes, which are kept
 * only if they match. tus requires SHA-1; SHA-256 is what the rest of Flightdeck uses.
 */
public record UploadChecksum(String algorithm, byte[] expected) {

    private static final Map<String, String> JAVA_NAMES = Map.of("sha1", "SHA-1", "sha256", "SHA-256");

    /** In the order {@code Tus-Checksum-Algorithm} lists them. */
    public static final List<String> ALGORITHMS = List.of("sha1", "sha256");

    public UploadChecksum {
        if (!JAVA_NAMES.containsKey(algorithm)) {
            throw new InvalidInputException("Upload-Checksum", "the algorithm must be one of " + ALGORITHMS);
        }
        expected = expected.clone();
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(JAVA_NAMES.get(algorithm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has " + algorithm, e);
        }
    }

    boolean matches(byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }
}
