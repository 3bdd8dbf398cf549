package io.flightdeck.assets.media;

/**
 * A picture derived from an upload, encoded and ready to store as a blob of its own.
 *
 * @param name     {@code thumb-small} (longest side 320 px), {@code thumb-large} (1280 px) or {@code poster} (a video
 *                 frame at full size)
 * @param mimeType {@code image/jpeg}, or {@code image/png} when the picture has transparency
 */
public record Rendition(String name, String mimeType, int width, int height, byte[] bytes) {

    public static final String THUMB_SMALL = "thumb-small";
    public static final String THUMB_LARGE = "thumb-large";
    public static final String POSTER = "poster";
}
