package io.flightdeck.assets.domain;

import java.math.BigDecimal;

/**
 * An asset's file as the API answers it: what the upload measured, and what the derived-data job found
 * ({@code derivedStatus} PENDING until it has run; DONE, UNREADABLE with {@code derivedError}, or NONE).
 */
public record AssetFileView(String sha256, long sizeBytes, String mimeType, String derivedStatus, String derivedError,
        Integer width, Integer height, Long durationMs, String codec, BigDecimal frameRate, Integer pageCount,
        boolean hasSmallThumbnail, boolean hasLargeThumbnail, boolean hasPoster) {
}
