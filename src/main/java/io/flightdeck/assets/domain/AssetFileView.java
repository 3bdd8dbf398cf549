package io.flightdeck.assets.domain;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * An asset's file as the API answers it: what the upload measured, and what the derived-data job found
 * ({@code derivedStatus} PENDING until it has run; DONE, UNREADABLE with {@code derivedError}, or NONE).
 */
public record AssetFileView(String sha256, long sizeBytes, String mimeType, String derivedStatus,
        @Nullable String derivedError, @Nullable Integer width, @Nullable Integer height, @Nullable Long durationMs,
        @Nullable String codec, @Nullable BigDecimal frameRate, @Nullable Integer pageCount, boolean hasSmallThumbnail,
        boolean hasLargeThumbnail, boolean hasPoster) {
}
