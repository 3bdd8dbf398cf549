package io.flightdeck.assets.domain;

import java.util.UUID;

/** A live asset that looks like another one: {@code distance} bits of 64 differ between their perceptual hashes. */
public record SimilarAsset(UUID assetId, String name, int distance) {
}
