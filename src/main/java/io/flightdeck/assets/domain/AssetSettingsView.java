package io.flightdeck.assets.domain;

/**
 * @param maxUploadBytes       the largest file the workspace accepts; a larger upload answers 413
 * @param similarityThreshold  how many of the 64 bits of two images' perceptual hashes may differ for them to be shown
 *                             as near-duplicates (0: only visually identical; higher: looser)
 */
public record AssetSettingsView(long maxUploadBytes, int similarityThreshold, long version) {
}
