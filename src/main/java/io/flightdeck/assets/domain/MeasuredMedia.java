package io.flightdeck.assets.domain;

/**
 * What the derived-data job found in a content, with its renditions already stored (their blob keys).
 *
 * @param unreadableReason  null when measured; otherwise why not
 * @param nothingToMeasure  with a reason: the type has nothing to measure (a spreadsheet), as opposed to a broken file
 * @param audio             whether a video has an audio track; null for other media and for contents measured before
 *                          it was recorded
 */
record MeasuredMedia(Integer width, Integer height, Long durationMillis, String codec, Double frameRate, Integer pageCount,
        Long perceptualHash, String thumbSmallKey, String thumbLargeKey, String thumbMimeType, String posterKey, String unreadableReason,
        boolean nothingToMeasure, Boolean audio) {

    /** Nothing measured, for this reason. */
    static MeasuredMedia nothing(String reason) {
        return new MeasuredMedia(null, null, null, null, null, null, null, null, null, null, null, reason, true, null);
    }
}
