package io.flightdeck.publishing.channels;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one attempt sends.
 *
 * @param idempotencyKey the attempt's key: the same for a resend of the same attempt, new for each retry
 * @param firstComment     posted as a reply or comment right after the post (links, hashtags); null for none
 * @param attemptStartedAt when the attempt was committed, before anything was sent; null when unknown. A network
 *                         without idempotency keys (X) bounds by it when the post may still be created, so that an
 *                         interrupted attempt is looked for in a window of known size
 * @param options          the network's own choices for this post ({@link PostOption} keys: a Reel rather than a feed
 *                         post, TikTok's privacy level); empty for none
 * @param networkRef       what the network named this attempt before its step that can duplicate, as recorded through
 *                         {@link #checkpoint} by an attempt that was then interrupted (an Instagram container, a TikTok
 *                         {@code publish_id}); null when none was recorded. A look-up asks the network about it
 * @param checkpoint       records a {@code networkRef} for this attempt, committed before it returns
 */
public record OutgoingPost(UUID channelPostId, String idempotencyKey, String text, String firstComment,
        List<Media> media, Instant attemptStartedAt, Map<String, String> options, String networkRef,
        Checkpoint checkpoint) {

    public OutgoingPost {
        options = options == null ? Map.of() : Map.copyOf(options);
        checkpoint = checkpoint == null ? ref -> { } : checkpoint;
    }

    /** An attempt with no options, nothing recorded and nowhere to record it (previews, the sandbox's tests). */
    public OutgoingPost(UUID channelPostId, String idempotencyKey, String text, String firstComment, List<Media> media,
            Instant attemptStartedAt) {
        this(channelPostId, idempotencyKey, text, firstComment, media, attemptStartedAt, Map.of(), null, null);
    }

    /** An attempt whose start is not known (tests, previews): the adapter counts from when it is called. */
    public OutgoingPost(UUID channelPostId, String idempotencyKey, String text, String firstComment, List<Media> media) {
        this(channelPostId, idempotencyKey, text, firstComment, media, null);
    }

    /** The option's value; null when the post has none. */
    public String option(String key) {
        return options.get(key);
    }

    /**
     * An image or video to attach; {@link #open()} streams the asset's file (the caller closes it). The measured facts
     * are null when the asset was not (or could not be) measured, and are what a network's preflight checks.
     *
     * @param size           bytes; -1 when unknown
     * @param durationMillis a video's length
     * @param codec          a video's codec as the asset module names it ({@code h264}, {@code hvc1}, ...)
     * @param audio          whether a video has an audio stream
     * @param publicUrl      a signed, short-lived address of the file that the network can fetch itself (Instagram
     *                       takes images only so); null when this installation has none to give
     */
    public record Media(UUID assetId, String fileName, String mimeType, long size, Opener opener, Integer width,
            Integer height, Long durationMillis, String codec, Boolean audio, String publicUrl) {

        public Media(UUID assetId, String fileName, String mimeType, long size, Opener opener) {
            this(assetId, fileName, mimeType, size, opener, null, null, null, null, null, null);
        }

        public InputStream open() throws IOException {
            return opener.open();
        }

        public boolean video() {
            return mimeType != null && mimeType.startsWith("video/");
        }
    }

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * Where an adapter writes down what the network named the attempt (a container id, a {@code publish_id}) before
     * the step that can duplicate, so that after a crash the look-up asks about exactly that instead of guessing.
     * The write is committed when {@link #record} returns; it fails (and the adapter must then not go on) when it
     * cannot be.
     */
    @FunctionalInterface
    public interface Checkpoint {
        void record(String networkRef);
    }
}
