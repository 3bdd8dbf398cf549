package io.flightdeck.publishing.networks.tiktok;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.OutgoingPost.Media;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One video sent through TikTok's Content Posting API: {@code init} (a direct post, or a draft for the creator's
 * inbox) names the attempt with a {@code publish_id}, which is recorded before anything is uploaded; the file goes in
 * chunks to the {@code upload_url}; then the status is polled until TikTok has published it or says why not.
 * <p>
 * Where it can duplicate: nothing is published before TikTok has the last chunk, so a failure at init or before the
 * last chunk is accepted is a plain retry (a new attempt gets a new {@code publish_id}; the abandoned one never
 * completes). From the last chunk on TikTok may publish, so any failure, a 401 included, is an unknown outcome that the
 * look-up settles by asking about the recorded {@code publish_id}; the adapter never sends a second init for it.
 */
class TikTokUpload {

    /** Waits between status checks; a test passes one that does not really sleep. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final String DIRECT_INIT = "/v2/post/publish/video/init/";
    static final String INBOX_INIT = "/v2/post/publish/inbox/video/init/";
    static final String STATUS = "/v2/post/publish/status/fetch/";
    static final int MAX_CHUNKS = 1000;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SourceInfo(String source, long videoSize, long chunkSize, int totalChunkCount) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PostInfo(String title, String privacyLevel, boolean disableComment, boolean disableDuet,
            boolean disableStitch, boolean brandContentToggle, boolean brandOrganicToggle) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Init(PostInfo postInfo, SourceInfo sourceInfo) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Started(String publishId, String uploadUrl) {
    }

    record InitAnswer(Started data, TikTokApi.Error error) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StatusQuery(String publishId) {
    }

    /** @param publicalyAvailablePostId spelled as TikTok spells it; empty until a public post passed moderation */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Status(String status, String failReason, List<Long> publicalyAvailablePostId, Long uploadedBytes) {

        String publicId() {
            return publicalyAvailablePostId == null || publicalyAvailablePostId.isEmpty() ? null
                    : String.valueOf(publicalyAvailablePostId.get(0));
        }
    }

    record StatusAnswer(Status data, TikTokApi.Error error) {
    }

    /** What TikTok named the attempt, and where it ended. */
    record Sent(String publishId, Status status) {
    }

    /** How the file is cut: one chunk when it fits, else chunks of {@code chunkSize} with the rest in the last. */
    record Chunks(long videoSize, long chunkSize, int count) {

        static Chunks of(long size, long preferred) {
            if (size <= preferred) {
                return new Chunks(size, size, 1); // under 5 MB TikTok wants it whole, up to 64 MB it may be
            }
            return new Chunks(size, preferred, (int) (size / preferred)); // TikTok rounds down: the rest goes last
        }

        long first(int index) {
            return index * chunkSize;
        }

        long last(int index) {
            return index == count - 1 ? videoSize - 1 : first(index) + chunkSize - 1;
        }
    }

    private final TikTokApi api;
    private final TikTokApi uploads;
    private final TikTokProperties properties;
    private final Pause pause;

    TikTokUpload(TikTokApi api, TikTokApi uploads, TikTokProperties properties, Pause pause) {
        this.api = api;
        this.uploads = uploads;
        this.properties = properties;
        this.pause = pause;
    }

    /** Sends the video and answers TikTok's final status (published, or waiting in the inbox for a draft). */
    Sent send(String token, OutgoingPost post, PostInfo info) {
        Media video = post.media().get(0);
        try (Source source = Source.of(video)) {
            if (source.size == 0) {
                throw new ChannelException(Kind.REFUSED, "media-empty", video.fileName() + " is empty.");
            }
            Chunks chunks = Chunks.of(source.size, properties.chunkSize().toBytes());
            if (chunks.count() > MAX_CHUNKS) {
                throw new ChannelException(Kind.REFUSED, "media-too-large", video.fileName() + " is too large for "
                        + "TikTok's 1000 chunks: raise flightdeck.publishing.tiktok.chunk-size or shorten the video.");
            }
            SourceInfo sourceInfo = new SourceInfo("FILE_UPLOAD", chunks.videoSize(), chunks.chunkSize(),
                    chunks.count());
            // init as a read: without an answer TikTok may hold a publish_id we never saw, but no byte of the video,
            // so nothing can be published under it and a new attempt is safe
            InitAnswer answer = api.post(info == null ? INBOX_INIT : DIRECT_INIT, token, new Init(info, sourceInfo),
                    InitAnswer.class);
            TikTokApi.check(answer == null ? null : answer.error(), "the upload");
            Started started = answer == null ? null : answer.data();
            if (started == null || blank(started.publishId()) || blank(started.uploadUrl())) {
                // nothing was uploaded, so nothing can be published under a publish_id we never saw
                throw new ChannelException(Kind.RETRYABLE, "network-error", "TikTok started an upload without "
                        + "naming it; nothing was posted.");
            }
            post.checkpoint().record(started.publishId());
            upload(source, chunks, video.mimeType().toLowerCase(Locale.ROOT), URI.create(started.uploadUrl()));
            return new Sent(started.publishId(), await(token, started.publishId(), info == null));
        } catch (IOException e) {
            throw new ChannelException(Kind.RETRYABLE, "media-unreadable", video.fileName()
                    + " could not be read for TikTok: " + e.getMessage(), null, e);
        }
    }

    private void upload(Source source, Chunks chunks, String mimeType, URI uploadUrl) throws IOException {
        try (InputStream in = source.open()) {
            for (int index = 0; index < chunks.count(); index++) {
                boolean last = index == chunks.count() - 1;
                try {
                    uploads.putChunk(uploadUrl, mimeType, chunks.first(index), chunks.last(index), chunks.videoSize(),
                            in, last);
                } catch (ChannelException e) {
                    if (e.kind() == Kind.UNKNOWN_OUTCOME) {
                        throw e; // the last chunk may have arrived: the look-up asks about the publish_id
                    }
                    // TikTok refused the chunk, so it has not got the whole video and publishes nothing
                    throw new ChannelException(e.kind() == Kind.RATE_LIMITED ? Kind.RATE_LIMITED : Kind.RETRYABLE,
                            "upload-failed", "TikTok did not take part " + (index + 1) + " of " + chunks.count()
                            + " of the video; nothing was posted, and it will be sent again. (" + e.getMessage()
                            + ")", e.retryAfter(), e);
                }
            }
        }
    }

    /** Polls after the last chunk: from here every failure is an unknown outcome, never a reason to init again. */
    private Status await(String token, String publishId, boolean draft) {
        Duration waited = Duration.ZERO;
        while (true) {
            Status status;
            try {
                status = status(token, publishId);
            } catch (ChannelException e) {
                // a 401 too: the runner's look-up gets a renewed token and asks about this publish_id
                throw new ChannelException(Kind.UNKNOWN_OUTCOME, "status-unknown", "TikTok has the whole video but "
                        + "could not be asked whether it published it: " + e.getMessage(), null, e);
            }
            String state = status.status() == null ? "" : status.status();
            if ("PUBLISH_COMPLETE".equals(state) || (draft && "SEND_TO_USER_INBOX".equals(state))) {
                return status;
            }
            if ("FAILED".equals(state)) {
                throw new ChannelException(Kind.REFUSED, "publish-failed", "TikTok did not publish the video: "
                        + TikTokFailures.words(status.failReason()));
            }
            if (waited.compareTo(properties.publishWait()) >= 0) {
                throw new ChannelException(Kind.UNKNOWN_OUTCOME, "still-processing", "TikTok was still processing "
                        + "the video after " + properties.publishWait().toSeconds() + " s; it is checked again later.");
            }
            try {
                pause.sleep(properties.pollEvery());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChannelException(Kind.UNKNOWN_OUTCOME, "status-unknown", "Stopped while TikTok was "
                        + "processing the video.", null, e);
            }
            waited = waited.plus(properties.pollEvery());
        }
    }

    Status status(String token, String publishId) {
        StatusAnswer answer = api.post(STATUS, token, new StatusQuery(publishId), StatusAnswer.class);
        TikTokApi.check(answer == null ? null : answer.error(), "the status check");
        if (answer == null || answer.data() == null) {
            throw new ChannelException(Kind.RETRYABLE, "network-error", "TikTok answered without the post's status.");
        }
        return answer.data();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The file with its byte count known, which init needs first: a file of unknown size is spooled once. */
    private static final class Source implements AutoCloseable {

        final long size;
        private final Media media;
        private final Path file;

        private Source(long size, Media media, Path file) {
            this.size = size;
            this.media = media;
            this.file = file;
        }

        static Source of(Media media) throws IOException {
            if (media.size() >= 0) {
                return new Source(media.size(), media, null);
            }
            Path file = Files.createTempFile("flightdeck-tiktok-", ".upload");
            try (InputStream in = media.open(); OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return new Source(Files.size(file), null, file);
        }

        InputStream open() throws IOException {
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
