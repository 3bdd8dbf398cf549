package io.flightdeck.publishing.channels;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one attempt sends.
 *
 * @param idempotencyKey the attempt's key: the same for a resend of the same attempt, new for each retry
 * @param firstComment     posted as a reply or comment right after the post (links, hashtags); null for none
 * @param attemptStartedAt when the attempt was committed, before anything was sent; null when unknown. A network
 *                         without idempotency keys (X) bounds by it when the post may still be created, so that an
 *                         interrupted attempt is looked for in a window of known size
 */
public record OutgoingPost(UUID channelPostId, String idempotencyKey, String text, String firstComment,
        List<Media> media, Instant attemptStartedAt) {

    /** An attempt whose start is not known (tests, previews): the adapter counts from when it is called. */
    public OutgoingPost(UUID channelPostId, String idempotencyKey, String text, String firstComment, List<Media> media) {
        this(channelPostId, idempotencyKey, text, firstComment, media, null);
    }

    /** An image or video to attach; {@link #open()} streams the asset's file (the caller closes it). */
    public record Media(UUID assetId, String fileName, String mimeType, long size, Opener opener) {

        public InputStream open() throws IOException {
            return opener.open();
        }
    }

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }
}
