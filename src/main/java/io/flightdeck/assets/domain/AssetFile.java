package io.flightdeck.assets.domain;

/** Where an asset's file (or one of its renditions) is stored, with the name and type to answer it under. */
public record AssetFile(String key, String downloadName, String mimeType) {
}
