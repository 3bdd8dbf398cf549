package io.flightdeck.assets.domain;

import java.util.List;

/**
 * What an upload made: a new asset, or ({@code duplicate}) the live asset that already holds these bytes, linked into
 * the requested space or campaign when it was not there yet ({@code linked}). {@code similar} lists live assets that
 * look like it (near-duplicates by perceptual hash), known once the derived-data job has measured the image.
 */
public record UploadResult(AssetView asset, boolean duplicate, boolean linked, List<SimilarAsset> similar) {
}
