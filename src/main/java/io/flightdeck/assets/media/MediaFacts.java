package io.flightdeck.assets.media;

import java.util.List;
import java.util.Optional;

/**
 * What {@link MediaInspector} learned about one file. Every field that does not apply to the kind of media, or could
 * not be read, is null; the renditions are empty when none could be made.
 *
 * @param width            pixels, as a viewer shows it (an image's EXIF rotation applied); a video's frame width; null
 *                         for a PDF, whose pages have their own sizes
 * @param height           pixels, likewise
 * @param durationMillis   a video's length
 * @param codec            a video's codec: {@code h264}, or the track's four-character code for the ones JCodec cannot
 *                         decode ({@code hvc1}, {@code av01}, ...)
 * @param frameRate        a video's average frames per second (frames over duration)
 * @param pageCount        a PDF's pages
 * @param perceptualHash   an image's 64-bit perceptual hash ({@link PerceptualHash}); fits a {@code bigint} column
 * @param renditions       derived pictures: {@code thumb-small} and {@code thumb-large} for images and PDFs, {@code poster}
 *                         for videos
 * @param unreadableReason set only when nothing could be read at all (then every other field is null and there are no
 *                         renditions): a sentence for the asset's page, never a stack trace
 * @param audio            whether a video has an audio track (some networks require one); null for other media
 */
public record MediaFacts(Integer width, Integer height, Long durationMillis, String codec, Double frameRate,
        Integer pageCount, Long perceptualHash, List<Rendition> renditions, String unreadableReason, Boolean audio) {

    public MediaFacts {
        renditions = renditions == null ? List.of() : List.copyOf(renditions);
    }

    /** Facts of a medium without an audio question (an image, a PDF). */
    public MediaFacts(Integer width, Integer height, Long durationMillis, String codec, Double frameRate,
            Integer pageCount, Long perceptualHash, List<Rendition> renditions, String unreadableReason) {
        this(width, height, durationMillis, codec, frameRate, pageCount, perceptualHash, renditions, unreadableReason,
                null);
    }

    /** Nothing could be read; the reason says why. */
    public static MediaFacts none(String reason) {
        return new MediaFacts(null, null, null, null, null, null, null, List.of(), reason);
    }

    public boolean readable() {
        return unreadableReason == null;
    }

    /** The rendition of that name, if it was made. */
    public Optional<Rendition> rendition(String name) {
        return renditions.stream().filter(rendition -> rendition.name().equals(name)).findFirst();
    }
}
