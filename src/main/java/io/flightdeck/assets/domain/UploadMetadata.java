package io.flightdeck.assets.domain;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetType;
import io.flightdeck.shared.InvalidInputException;

/**
 * What a resumable upload's {@code Upload-Metadata} says, read the same way at creation (to refuse a bad upload before
 * its bytes are sent) and at completion. The keys are the multipart upload's fields; {@code tags} is comma-separated,
 * {@code sha256} the whole file's hash in hex. Other keys (tus clients add {@code filetype}, say) are ignored.
 */
record UploadMetadata(AssetUpload upload, String fileName, String sha256) {

    static UploadMetadata read(Map<String, String> metadata) {
        String type = blankToNull(metadata.get("type"));
        String tags = metadata.get("tags");
        String sha256 = blankToNull(metadata.get("sha256"));
        if (sha256 != null && !sha256.matches("[0-9a-fA-F]{64}")) {
            throw new InvalidInputException("sha256", "must be the file's SHA-256 in 64 hexadecimal digits");
        }
        AssetUpload upload = new AssetUpload(uuid(metadata, "spaceId"), uuid(metadata, "campaignId"),
                metadata.get("name"), type == null ? null : assetType(type), metadata.get("title"),
                metadata.get("description"), tags == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(tags.split(","))),
                bool(metadata, "skipDuplicateCheck"));
        return new UploadMetadata(upload, metadata.get("filename"), sha256 == null ? null : sha256.toLowerCase(Locale.ROOT));
    }

    private static UUID uuid(Map<String, String> metadata, String key) {
        String value = blankToNull(metadata.get(key));
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(key, "must be a UUID");
        }
    }

    private static AssetType assetType(String value) {
        try {
            return AssetType.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("type", "must be one of " + Arrays.toString(AssetType.values()));
        }
    }

    private static boolean bool(Map<String, String> metadata, String key) {
        String value = blankToNull(metadata.get(key));
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidInputException(key, "must be true or false");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
