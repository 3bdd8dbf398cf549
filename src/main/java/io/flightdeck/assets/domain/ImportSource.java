package io.flightdeck.assets.domain;

/** Where a campaign space's contents came from; {@code PLATFORM_API} is a sync through an ad-platform connection. */
public enum ImportSource {
    MANUAL_UPLOAD, PLATFORM_API, CSV_IMPORT, BULK_IMPORT
}
