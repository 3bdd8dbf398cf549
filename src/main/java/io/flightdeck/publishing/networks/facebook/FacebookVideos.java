package io.flightdeck.publishing.networks.facebook;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.flightdeck.publishing.channels.ChannelAdapter.Lookup;
import io.flightdeck.publishing.channels.ChannelConnection;
import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.PublishedPost;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Videos and Reels on a Page. Both begin with a start call that names the video before anything is visible, and that
 * id is recorded as the attempt's checkpoint before the file is sent: an interrupted attempt asks Meta about exactly
 * that video (its {@code status.publishing_phase}), never guesses. A feed video goes through the chunked upload on
 * Meta's video host ({@code upload_phase} start, transfer in the chunks Meta asks for, finish with the text); a Reel
 * through {@code /video_reels} start, the file to {@code rupload} with the {@code offset} and {@code file_size}
 * headers, a wait until Meta reports the upload complete, then finish with {@code video_state=PUBLISHED}.
 */
class FacebookVideos {

    /** Waits between checks of a Reel's upload status; a test records them instead of sleeping. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private static final Duration CHECK_EVERY = Duration.ofSeconds(3);
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private final FacebookApi api;
    private final FacebookProperties properties;
    private final Clock clock;
    private final Pause pause;

    FacebookVideos(FacebookApi api, FacebookProperties properties, Clock clock, Pause pause) {
        this.api = api;
        this.properties = properties;
        this.clock = clock;
        this.pause = pause;
    }

    PublishedPost video(ChannelConnection account, String token, OutgoingPost post) {
        OutgoingPost.Media media = post.media().get(0);
        long size = size(media);
        String page = FacebookApi.encode(account.externalId());
        JsonNode started = api.post(api.video("/" + page + "/videos"), token, Map.of("upload_phase", "start",
                "file_size", String.valueOf(size)), false);
        String videoId = required(started, "video_id");
        String session = required(started, "upload_session_id");
        post.checkpoint().record(videoId);
        long start = started.path("start_offset").asLong(0);
        long end = started.path("end_offset").asLong(size);
        try (InputStream in = media.open()) {
            long at = 0;
            while (start < end) {
                in.skipNBytes(start - at);
                byte[] chunk = in.readNBytes((int) (end - start));
                at = start + chunk.length;
                MultipartBodyBuilder parts = new MultipartBodyBuilder();
                parts.part("upload_phase", "transfer");
                parts.part("upload_session_id", session);
                parts.part("start_offset", String.valueOf(start));
                parts.part("video_file_chunk", new ByteArrayResource(chunk)).filename("chunk-" + start)
                        .contentType(MediaType.APPLICATION_OCTET_STREAM);
                JsonNode moved = api.multipart(api.video("/" + page + "/videos"), token, parts.build(), false);
                start = moved.path("start_offset").asLong(end);
                end = moved.path("end_offset").asLong(end);
            }
        } catch (IOException e) {
            throw new ChannelException(Kind.RETRYABLE, "media-unreadable", "The video " + media.fileName()
                    + " could not be read: " + e.getMessage(), null, e);
        }
        Map<String, String> finish = new LinkedHashMap<>();
        finish.put("upload_phase", "finish");
        finish.put("upload_session_id", session);
        finish.put("description", post.text());
        success(api.post(api.video("/" + page + "/videos"), token, finish, true));
        return new PublishedPost(videoId, videoUrl(videoId, false), null);
    }

    PublishedPost reel(ChannelConnection account, String token, OutgoingPost post) {
        OutgoingPost.Media media = post.media().get(0);
        long size = size(media);
        String page = FacebookApi.encode(account.externalId());
        String videoId = required(api.post(api.graph("/" + page + "/video_reels"), token,
                Map.of("upload_phase", "start"), false), "video_id");
        post.checkpoint().record(videoId);
        api.read(rest -> rest.post().uri(api.rupload(videoId)).headers(h -> {
            h.set("Authorization", "OAuth " + token);
            h.set("offset", "0");
            h.set("file_size", String.valueOf(size));
            h.setContentLength(size);
        }).contentType(MediaType.APPLICATION_OCTET_STREAM).body(out -> {
            try (InputStream in = media.open()) {
                in.transferTo(out);
            }
        }).retrieve().toBodilessEntity());
        awaitUpload(videoId, token);
        Map<String, String> finish = new LinkedHashMap<>();
        finish.put("upload_phase", "finish");
        finish.put("video_id", videoId);
        finish.put("video_state", "PUBLISHED");
        finish.put("description", post.text());
        success(api.post(api.graph("/" + page + "/video_reels"), token, finish, true));
        return new PublishedPost(videoId, videoUrl(videoId, true), null);
    }

    /** Meta refuses to publish a Reel whose upload it has not taken in; beyond the wait, nothing is published. */
    private void awaitUpload(String videoId, String token) {
        Instant giveUp = clock.instant().plus(properties.processingTimeout());
        Duration waited = Duration.ZERO;
        while (true) {
            JsonNode status = api.get(api.graph("/" + FacebookApi.encode(videoId) + "?fields=status"), token)
                    .path("status");
            String upload = status.path("uploading_phase").path("status").asString("");
            if ("complete".equals(upload)) {
                return;
            }
            if ("error".equals(upload) || "error".equals(status.path("video_status").asString(""))) {
                throw new ChannelException(Kind.REFUSED, "media-refused", "Facebook could not take the Reel's video: "
                        + status.path("uploading_phase").path("errors").path(0).path("message").asString(
                        "check it meets the Reel specifications."));
            }
            if (clock.instant().isAfter(giveUp) || waited.compareTo(properties.processingTimeout()) >= 0) {
                throw new ChannelException(Kind.RETRYABLE, "media-processing", "Facebook took longer than "
                        + properties.processingTimeout().toSeconds() + " s to take the Reel's video; nothing was "
                        + "published, and it will be tried again.");
            }
            try {
                pause.pause(CHECK_EVERY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChannelException(Kind.RETRYABLE, "interrupted", "Interrupted while Facebook took the Reel.");
            }
            waited = waited.plus(CHECK_EVERY);
        }
    }

    /**
     * The recorded video as Meta has it: published or being published once the finish call arrived; not started, or
     * gone, means nothing is on the Page (an unfinished upload stays invisible) and it is safe to send again. Meta
     * being unreachable is asked again later; any other error leaves the post for a person.
     */
    Lookup lookup(ChannelConnection account, String token, String videoId, boolean reel) {
        JsonNode video;
        try {
            video = api.get(api.graph("/" + FacebookApi.encode(videoId) + "?fields=id,status"), token);
        } catch (ChannelException e) {
            if (FacebookApi.NOT_FOUND.equals(e.code())) {
                return Lookup.notFound();
            }
            if (e.retryable() || e.kind() == Kind.UNAUTHORIZED) {
                throw e;
            }
            return Lookup.unknown();
        }
        String publishing = video.path("status").path("publishing_phase").path("status").asString("");
        return switch (publishing) {
            case "complete", "in_progress" -> Lookup.found(new PublishedPost(videoId, videoUrl(videoId, reel), null));
            case "not_started", "error" -> Lookup.notFound();
            default -> Lookup.unknown();
        };
    }

    /** Reels the Page published since {@code since}, from its own list of Reels. */
    int reelsSince(ChannelConnection account, String token, Instant since) {
        int count = 0;
        String after = null;
        for (int page = 0; page < 5; page++) {
            JsonNode answer = api.get(api.graph("/" + FacebookApi.encode(account.externalId())
                    + "/video_reels?fields=id,created_time&limit=100&since=" + since.getEpochSecond()
                    + (after == null ? "" : "&after=" + FacebookApi.encode(after))), token);
            for (JsonNode reel : answer == null ? java.util.List.<JsonNode>of() : answer.path("data")) {
                Instant created = time(reel.path("created_time").asString(""));
                if (created != null && !created.isBefore(since)) {
                    count++;
                }
            }
            after = answer == null || !answer.path("paging").has("next") ? null
                    : answer.path("paging").path("cursors").path("after").asString(null);
            if (after == null) {
                break;
            }
        }
        return count;
    }

    private static Instant time(String graphTime) {
        try {
            return OffsetDateTime.parse(graphTime, GRAPH_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String videoUrl(String videoId, boolean reel) {
        String web = properties.webUrl().toString().replaceAll("/+$", "");
        return reel ? web + "/reel/" + videoId : web + "/watch/?v=" + videoId;
    }

    /** The file's size, measured by reading it when the asset did not say. */
    private static long size(OutgoingPost.Media media) {
        if (media.size() >= 0) {
            return media.size();
        }
        try (InputStream in = media.open()) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new ChannelException(Kind.RETRYABLE, "media-unreadable", "The video " + media.fileName()
                    + " could not be read: " + e.getMessage(), null, e);
        }
    }

    private static String required(JsonNode answer, String field) {
        String value = answer == null ? null : answer.path(field).asString(null);
        if (value == null || value.isBlank()) {
            throw new ChannelException(Kind.RETRYABLE, "network-error", "Facebook's answer had no " + field + ".");
        }
        return value;
    }

    private static void success(JsonNode answer) {
        if (answer == null || !answer.path("success").asBoolean(false)) {
            // a 2xx that does not say it worked: the video may be published, so ask about it before anything else
            throw new ChannelException(Kind.UNKNOWN_OUTCOME, "network-error", "Facebook did not confirm publishing "
                    + "the video.");
        }
    }
}
