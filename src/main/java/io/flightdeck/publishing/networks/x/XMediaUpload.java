package io.flightdeck.publishing.networks.x;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.OutgoingPost.Media;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One file sent through X's chunked media upload (API v2): {@code initialize} with the type and byte count,
 * {@code append} in segments, {@code finalize}, then {@code STATUS} while X processes a video or GIF. Every call here
 * is made as a read: nothing is on anyone's timeline until the post itself is created, so a timeout is simply tried
 * again later, never an unknown outcome.
 */
class XMediaUpload {

    /** X takes segments up to 5 MB; one segment at a time is held in memory. */
    static final int SEGMENT = 4 * 1024 * 1024;
    /** X numbers segments 0–999. */
    private static final int MAX_SEGMENTS = 1000;

    static final Map<String, String> CATEGORIES = Map.ofEntries(Map.entry("image/jpeg", "tweet_image"),
            Map.entry("image/pjpeg", "tweet_image"), Map.entry("image/png", "tweet_image"),
            Map.entry("image/webp", "tweet_image"), Map.entry("image/bmp", "tweet_image"),
            Map.entry("image/tiff", "tweet_image"), Map.entry("image/gif", "tweet_gif"),
            Map.entry("video/mp4", "tweet_video"), Map.entry("video/quicktime", "tweet_video"),
            Map.entry("video/webm", "tweet_video"), Map.entry("video/mp2t", "tweet_video"));

    /** Waits between status checks; a test passes one that does not really sleep. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** {@code initialize}'s body. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Initialize(String mediaType, long totalBytes, String mediaCategory) {
    }

    /** What {@code initialize}, {@code finalize} and {@code STATUS} answer: the upload, in {@code data}. */
    record Answer(Upload data) {

        Upload upload() {
            return data == null ? new Upload(null, null) : data;
        }
    }

    /** @param processingInfo absent for an image, which is ready at once */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Upload(String id, Processing processingInfo) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Processing(String state, Long checkAfterSecs, Failure error) {

        boolean pending() {
            return "pending".equals(state) || "in_progress".equals(state);
        }
    }

    record Failure(String message) {
    }

    private final XApi api;
    private final Duration processingTimeout;
    private final Pause pause;

    XMediaUpload(XApi api, Duration processingTimeout, Pause pause) {
        this.api = api;
        this.processingTimeout = processingTimeout;
        this.pause = pause;
    }

    /**
     * What X can attach to one post: up to four images, or one GIF, or one video. Checked before anything is
     * uploaded, so a post X would refuse never costs an upload.
     */
    static void check(List<Media> media) {
        for (Media m : media) {
            if (m.mimeType() == null || !CATEGORIES.containsKey(m.mimeType().toLowerCase(Locale.ROOT))) {
                throw new ChannelException(Kind.REFUSED, "media-type", "X does not take " + (m.mimeType() == null
                        ? "files of an unknown type" : m.mimeType() + " files") + " (" + m.fileName() + ").");
            }
        }
        long motion = media.stream().filter(m -> !category(m).equals("tweet_image")).count();
        if (media.size() > 4 || (motion > 0 && media.size() > 1)) {
            throw new ChannelException(Kind.REFUSED, "media-count", "A post on X carries up to four images, or one "
                    + "GIF, or one video; this one has " + media.size() + " files.");
        }
    }

    static String category(Media m) {
        return CATEGORIES.get(m.mimeType().toLowerCase(Locale.ROOT));
    }

    /** Uploads the file and answers its media id once X can attach it to a post. */
    String upload(Media media, String token) {
        try (Source source = Source.of(media)) {
            if (source.size == 0) {
                throw new ChannelException(Kind.REFUSED, "media-empty", media.fileName() + " is empty.");
            }
            if ((source.size + SEGMENT - 1) / SEGMENT > MAX_SEGMENTS) {
                throw new ChannelException(Kind.REFUSED, "media-too-large", media.fileName() + " is too large for X.");
            }
            Initialize init = new Initialize(media.mimeType().toLowerCase(Locale.ROOT), source.size, category(media));
            String id = upload(api.post("/2/media/upload/initialize", token, init, Answer.class)).id();
            if (id == null || id.isBlank()) {
                throw new ChannelException(Kind.RETRYABLE, "network-error", "X started an upload without a media id.");
            }
            append(id, source, media, token);
            Upload done = upload(api.read(rest -> rest.post().uri(api.uri("/2/media/upload/" + id + "/finalize"))
                    .headers(h -> h.setBearerAuth(token)).retrieve().body(Answer.class)));
            awaitProcessing(id, done.processingInfo(), media, token);
            return id;
        } catch (IOException e) {
            throw new ChannelException(Kind.RETRYABLE, "media-unreadable", media.fileName()
                    + " could not be read for X: " + e.getMessage(), null, e);
        }
    }

    private void append(String id, Source source, Media media, String token) throws IOException {
        byte[] segment = new byte[(int) Math.min(SEGMENT, source.size)];
        long sent = 0;
        try (InputStream in = source.open()) {
            for (int index = 0; sent < source.size; index++) {
                int length = (int) Math.min(segment.length, source.size - sent);
                int read = in.readNBytes(segment, 0, length);
                if (read < length) {
                    throw new IOException("it ended after " + (sent + read) + " of the " + source.size + " bytes it "
                            + "was said to have");
                }
                // the client has sent the whole segment when the call returns, so the buffer can be refilled
                append(id, index, length == segment.length ? segment : Arrays.copyOf(segment, length), token);
                sent += length;
            }
            if (in.read() != -1) {
                throw new IOException("it is longer than the " + source.size + " bytes it was said to have");
            }
        }
    }

    /** One segment as {@code multipart/form-data}: {@code segment_index}, then the bytes as a file part. */
    private void append(String id, int index, byte[] bytes, String token) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("segment_index", String.valueOf(index));
        parts.part("media", new ByteArrayResource(bytes)).filename("segment-" + index)
                .contentType(MediaType.APPLICATION_OCTET_STREAM);
        api.read(rest -> rest.post().uri(api.uri("/2/media/upload/" + id + "/append"))
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build())
                .retrieve().toBodilessEntity());
    }

    private static Upload upload(Answer answer) {
        return answer == null ? new Upload(null, null) : answer.upload();
    }

    /** Images come back ready; videos and GIFs are processed, and a post naming them before that is refused. */
    private void awaitProcessing(String id, Processing info, Media media, String token) {
        Duration waited = Duration.ZERO;
        while (info != null && info.pending()) {
            long checkAfter = info.checkAfterSecs() == null ? 1 : info.checkAfterSecs();
            Duration after = Duration.ofSeconds(Math.max(1, checkAfter));
            waited = waited.plus(after);
            if (waited.compareTo(processingTimeout) > 0) {
                throw new ChannelException(Kind.RETRYABLE, "media-processing", "X was still processing "
                        + media.fileName() + " after " + processingTimeout.toSeconds() + " s; it will be sent again later.");
            }
            try {
                pause.sleep(after);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChannelException(Kind.RETRYABLE, "network-unavailable",
                        "Stopped while X was processing " + media.fileName() + ".", null, e);
            }
            info = upload(api.get("/2/media/upload?media_id=" + id + "&command=STATUS", token, Answer.class))
                    .processingInfo();
        }
        if (info != null && "failed".equals(info.state())) {
            String why = info.error() == null || info.error().message() == null ? "" : info.error().message();
            throw new ChannelException(Kind.REFUSED, "media-processing-failed", "X could not process "
                    + media.fileName() + (why.isBlank() ? "." : ": " + why));
        }
    }

    /**
     * The file with its byte count known, which {@code initialize} needs first. A file of unknown size is read once:
     * a small one (up to one segment) stays in memory, a larger one is spooled to a temporary file, so a video is
     * never held in memory.
     */
    private static final class Source implements AutoCloseable {

        final long size;
        private final Media media;
        private final byte[] bytes;
        private final Path file;

        private Source(long size, Media media, byte[] bytes, Path file) {
            this.size = size;
            this.media = media;
            this.bytes = bytes;
            this.file = file;
        }

        static Source of(Media media) throws IOException {
            if (media.size() >= 0) {
                return new Source(media.size(), media, null, null);
            }
            try (InputStream in = media.open()) {
                byte[] head = in.readNBytes(SEGMENT + 1);
                if (head.length <= SEGMENT) {
                    return new Source(head.length, null, head, null);
                }
                Path file = Files.createTempFile("flightdeck-x-", ".upload");
                try (OutputStream out = Files.newOutputStream(file)) {
                    out.write(head);
                    in.transferTo(out);
                } catch (IOException e) {
                    Files.deleteIfExists(file);
                    throw e;
                }
                return new Source(Files.size(file), null, null, file);
            }
        }

        InputStream open() throws IOException {
            if (bytes != null) {
                return new ByteArrayInputStream(bytes);
            }
            return file != null ? Files.newInputStream(file) : media.open();
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }
}
