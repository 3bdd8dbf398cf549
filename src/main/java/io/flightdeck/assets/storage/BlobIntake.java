package io.flightdeck.assets.storage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import io.flightdeck.shared.PayloadTooLargeException;
import org.apache.tika.Tika;

/**
 * What every store does with incoming bytes, in one pass: the MIME type from the content's first bytes (Tika's magic
 * detection, with no file name to mislead it), then the bytes copied to the store's output through a SHA-256 digest
 * and a byte count that stops at the limit. Only a fixed buffer is held, whatever the content's size.
 */
final class BlobIntake {

    /** Enough for every magic Tika's core types know; detection reads at most this and resets. */
    private static final int DETECTION_BYTES = 64 * 1024;
    private static final int COPY_BUFFER = 64 * 1024;
    private static final Tika TIKA = new Tika();
    /** ISO base media major brands of MP4 files (the ISO/IEC 14496-12 and -14 family, as registered at mp4ra.org). */
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "avc1", "mp41",
            "mp42", "mp71", "dash", "MSNV");

    /** The measurements of one intake. */
    record Measured(String sha256, long size, String mimeType) {
    }

    /** Content spooled into a temporary file beside the store, measured; closing it removes the file if still there. */
    record Spooled(Path file, Measured measured) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    private BlobIntake() {
    }

    /** Streams the content into a new temporary file in {@code directory}; nothing is left behind when it fails. */
    static Spooled spool(InputStream content, Path directory, long maxBytes) throws IOException {
        Path file = Files.createTempFile(directory, "upload-", ".part");
        try (OutputStream out = Files.newOutputStream(file)) {
            return new Spooled(file, copy(content, out, maxBytes));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    static Measured copy(InputStream content, OutputStream target, long maxBytes) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(content, DETECTION_BYTES);
        // Tika marks the stream, reads the head and resets it, so the copy below still starts at byte 0
        String mimeType = isoMedia(buffered, TIKA.detect(buffered));
        MessageDigest sha256 = sha256();
        DigestInputStream digesting = new DigestInputStream(buffered, sha256);
        byte[] buffer = new byte[COPY_BUFFER];
        long size = 0;
        for (int read; (read = digesting.read(buffer)) != -1; ) {
            size += read;
            if (size > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
            target.write(buffer, 0, read);
        }
        return new Measured(HexFormat.of().formatHex(sha256.digest()), size, mimeType);
    }

    /**
     * Tika's core magic knows MP4 only by the brands {@code mp41} and {@code mp42} and calls every other ISO media file
     * QuickTime, yet most MP4 files (ffmpeg's, phones', JCodec's) carry the major brand {@code isom} or a kin; a network
     * that takes MP4 only (LinkedIn) would refuse them as QuickTime. The major brand says which it is.
     */
    private static String isoMedia(BufferedInputStream head, String detected) throws IOException {
        if (!"video/quicktime".equals(detected)) {
            return detected;
        }
        head.mark(12);
        byte[] box = head.readNBytes(12);
        head.reset();
        if (box.length < 12 || !"ftyp".equals(new String(box, 4, 4, StandardCharsets.US_ASCII))) {
            return detected;
        }
        return MP4_BRANDS.contains(new String(box, 8, 4, StandardCharsets.US_ASCII)) ? "video/mp4" : detected;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
