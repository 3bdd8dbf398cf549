package io.flightdeck.assets.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.jcodec.api.JCodecException;

/**
 * The derived data of an upload: what the derived-data job records beside an asset (sizes, duration, pages, the
 * perceptual hash) and the renditions it stores (thumbnails, a video's poster). Pure and synchronous: no Spring, no
 * database, one file in, facts out; memory stays bounded whatever the file's size (see each kind's inspection).
 * <p>
 * Content that cannot be read, whether broken, truncated, encrypted or in a format nothing here decodes, answers
 * {@link MediaFacts#none} with the reason, never an exception: retrying would not make it readable, so it must not
 * fail the job.
 */
public final class MediaInspector {

    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp",
            "image/x-ms-bmp", "image/tiff", "image/webp");
    private static final Set<String> VIDEOS = Set.of("video/mp4", "video/quicktime", "video/x-m4v");
    private static final String PDF = "application/pdf";

    private MediaInspector() {
    }

    /**
     * @param file     the upload, as a local file
     * @param mimeType the type Tika detected from the content ({@code StoredBlob.mimeType()})
     * @throws IOException only when the file itself cannot be opened (missing, not readable), which a retry may cure
     */
    public static MediaFacts inspect(Path file, String mimeType) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new NoSuchFileException(file.toString(), null, "not a readable file");
        }
        String type = mimeType == null ? "" : mimeType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (IMAGES.contains(type)) {
            return guarded("image", () -> ImageInspection.inspect(file, type));
        }
        if (VIDEOS.contains(type)) {
            return guarded("video", () -> VideoInspection.inspect(file));
        }
        if (type.startsWith("video/")) {
            return MediaFacts.none("Videos of type " + type + " cannot be read here; MP4 and QuickTime can");
        }
        if (PDF.equals(type)) {
            return guarded("PDF", () -> PdfInspection.inspect(file));
        }
        return MediaFacts.none("No derived data for content of type " + (type.isEmpty() ? "unknown" : type));
    }

    private interface Inspection {
        MediaFacts run() throws IOException, JCodecException;
    }

    /** Decoders fail on bad content with anything from IOException to IndexOutOfBounds; all of it means unreadable. */
    private static MediaFacts guarded(String kind, Inspection inspection) {
        try {
            return inspection.run();
        } catch (IOException | JCodecException | RuntimeException e) {
            return MediaFacts.none("The " + kind + " could not be read: " + describe(e));
        }
    }

    /** The message, and what caused it when the message alone says nothing (ImageIO wraps everything). */
    private static String describe(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage().strip();
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            message += " (" + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ")";
        }
        return message;
    }
}
