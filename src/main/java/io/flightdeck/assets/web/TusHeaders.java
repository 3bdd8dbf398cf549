package io.flightdeck.assets.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.flightdeck.assets.domain.UploadChecksum;
import io.flightdeck.shared.InvalidInputException;

/** The tus 1.0 headers, read and written: numbers, {@code Upload-Metadata}, {@code Upload-Checksum}, dates. */
final class TusHeaders {

    static final String VERSION = "1.0.0";
    static final String RESUMABLE = "Tus-Resumable";
    static final String UPLOAD_LENGTH = "Upload-Length";
    static final String UPLOAD_OFFSET = "Upload-Offset";
    static final String UPLOAD_METADATA = "Upload-Metadata";
    static final String UPLOAD_CHECKSUM = "Upload-Checksum";
    static final String UPLOAD_EXPIRES = "Upload-Expires";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private TusHeaders() {
    }

    /** A non-negative decimal number, as tus requires for lengths and offsets. */
    static long number(String header, String value) {
        if (value == null || !value.strip().matches("\\d{1,18}")) {
            throw new InvalidInputException(header, "must be a non-negative whole number of bytes");
        }
        return Long.parseLong(value.strip());
    }

    /** {@code key base64,key base64,key}: keys unique, values base64 (a key alone has an empty value). */
    static Map<String, String> metadata(String header) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return metadata;
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.strip().split(" ", -1);
            if (parts.length > 2 || parts[0].isEmpty()) {
                throw new InvalidInputException(UPLOAD_METADATA, "must be comma-separated pairs of a key and a base64 value");
            }
            String value;
            try {
                value = parts.length == 1 ? "" : new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(UPLOAD_METADATA, "the value of " + parts[0] + " is not base64");
            }
            if (metadata.put(parts[0], value) != null) {
                throw new InvalidInputException(UPLOAD_METADATA, "names " + parts[0] + " twice");
            }
        }
        return metadata;
    }

    static String metadata(Map<String, String> metadata) {
        return metadata.entrySet().stream()
                .map(e -> e.getValue().isEmpty() ? e.getKey()
                        : e.getKey() + " " + Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.joining(","));
    }

    /** {@code sha256 <base64 digest>}, or null without the header. */
    static UploadChecksum checksum(String header) {
        if (header == null) {
            return null;
        }
        String[] parts = header.strip().split(" ");
        if (parts.length != 2) {
            throw new InvalidInputException(UPLOAD_CHECKSUM, "must be an algorithm and a base64 digest");
        }
        try {
            return new UploadChecksum(parts[0].toLowerCase(Locale.ROOT), Base64.getDecoder().decode(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(UPLOAD_CHECKSUM, "the digest is not base64");
        }
    }

    static String date(Instant instant) {
        return HTTP_DATE.format(instant);
    }
}
