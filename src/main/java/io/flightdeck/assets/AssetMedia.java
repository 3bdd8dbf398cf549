package io.flightdeck.assets;

import java.util.UUID;

/**
 * What a social network checks before it takes an asset's file (its media preflight), and where it can fetch the
 * file itself. Measured facts are null when not measured (yet), or when they do not apply.
 *
 * @param size           bytes of the original file
 * @param durationMillis a video's length
 * @param codec          a video's codec ({@code h264}, or the track's four-character code such as {@code hvc1})
 * @param frameRate      a video's frames per second
 * @param audio          whether a video has an audio track; null when unknown
 * @param signedUrl      a signed, short-lived address of the original file; null when this installation cannot make
 *                       one here (no {@code flightdeck.base-url} outside a web request)
 */
public record AssetMedia(UUID id, String name, String mimeType, long size, Integer width, Integer height,
        Long durationMillis, String codec, Double frameRate, Boolean audio, String signedUrl) {
}
