package io.flightdeck.publishing.networks.linkedin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.publishing.ChannelException;
import io.flightdeck.publishing.ChannelException.Kind;
import io.flightdeck.publishing.OutgoingPost.Media;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One video through LinkedIn's Videos API: {@code initializeUpload} with the file's size answers the byte ranges to
 * PUT (parts of about 4 MB), each part's ETag goes into {@code finalizeUpload}, and LinkedIn then processes the video;
 * a post may name it once it is {@code AVAILABLE}. The file is read part by part, so at most one part is in memory.
 * Nothing is posted yet, so a failure here is safe to try again.
 */
class LinkedInVideos {

    private final LinkedInApi api;
    private final Duration pollEvery;
    private final int polls;

    /** Checks whether LinkedIn has processed the video every {@code pollEvery}, for at most {@code maxWait}. */
    LinkedInVideos(LinkedInApi api, Duration pollEvery, Duration maxWait) {
        this.api = api;
        this.pollEvery = pollEvery;
        this.polls = (int) Math.max(1, maxWait.toMillis() / Math.max(1, pollEvery.toMillis()));
    }

    String upload(String token, String owner, Media media) {
        long size = media.size() >= 0 ? media.size() : measure(media);
        ObjectNode init = api.json().createObjectNode();
        init.putObject("initializeUploadRequest").put("owner", owner).put("fileSizeBytes", size)
                .put("uploadCaptions", false).put("uploadThumbnail", false);
        JsonNode value = api.write(api.postJson("/rest/videos?action=initializeUpload", token, init)).body()
                .path("value");
        String video = value.path("video").asString("");
        JsonNode instructions = value.path("uploadInstructions");
        if (!video.startsWith("urn:li:video:") || !instructions.isArray() || instructions.isEmpty()) {
            throw new ChannelException(Kind.RETRYABLE, "upload-unavailable", "LinkedIn gave no upload instructions "
                    + "for " + media.fileName() + ".");
        }
        List<String> etags = putParts(token, media, instructions);
        ObjectNode finish = api.json().createObjectNode();
        var request = finish.putObject("finalizeUploadRequest").put("video", video)
                .put("uploadToken", value.path("uploadToken").asString(""));
        etags.forEach(request.putArray("uploadedPartIds")::add);
        api.write(api.postJson("/rest/videos?action=finalizeUpload", token, finish));
        awaitProcessing(token, video, media);
        return video;
    }

    /** Each part LinkedIn asked for, in order, read from one pass over the file. */
    private List<String> putParts(String token, Media media, JsonNode instructions) {
        List<String> etags = new ArrayList<>();
        try (InputStream in = media.open()) {
            long position = 0;
            for (JsonNode part : instructions) {
                long first = part.path("firstByte").asLong(-1);
                long last = part.path("lastByte").asLong(-1);
                if (first != position || last < first || last - first >= Integer.MAX_VALUE) {
                    throw new ChannelException(Kind.RETRYABLE, "upload-unavailable", "LinkedIn asked for bytes "
                            + first + " to " + last + " of " + media.fileName() + " out of order.");
                }
                byte[] bytes = in.readNBytes((int) (last - first + 1));
                if (bytes.length != last - first + 1) {
                    throw new ChannelException(Kind.RETRYABLE, "media-unreadable", media.fileName()
                            + " ended before its announced size.");
                }
                var answer = api.write(api.request(URI.create(part.path("uploadUrl").asString("")), token)
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
                etags.add(answer.header("etag").orElseThrow(() -> new ChannelException(Kind.RETRYABLE,
                        "upload-unavailable", "LinkedIn did not confirm a part of " + media.fileName() + ".")));
                position = last + 1;
            }
        } catch (IOException e) {
            throw unreadable(media, e);
        }
        return etags;
    }

    private void awaitProcessing(String token, String video, Media media) {
        for (int i = 0; i < polls; i++) {
            JsonNode status = api.read(api.rest("/rest/videos/" + LinkedInApi.encode(video), token).GET().build())
                    .body().path("status");
            switch (status.asString("")) {
                case "AVAILABLE" -> {
                    return;
                }
                case "PROCESSING_FAILED" -> throw new ChannelException(Kind.REFUSED, "video-rejected", "LinkedIn could "
                        + "not process " + media.fileName() + ": check that it is an MP4 video LinkedIn accepts.");
                default -> pause();
            }
        }
        throw new ChannelException(Kind.RETRYABLE, "video-processing", "LinkedIn was still processing "
                + media.fileName() + " after " + pollEvery.multipliedBy(polls).toSeconds() + " s.");
    }

    /** The size LinkedIn must be told first, when the file's store did not say it: one pass to count. */
    private static long measure(Media media) {
        try (InputStream in = media.open()) {
            return in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw unreadable(media, e);
        }
    }

    private static ChannelException unreadable(Media media, IOException e) {
        return new ChannelException(Kind.RETRYABLE, "media-unreadable", "The file " + media.fileName()
                + " could not be read: " + e.getMessage(), null, e);
    }

    private void pause() {
        try {
            Thread.sleep(pollEvery.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException(Kind.RETRYABLE, "network-unavailable", "Stopped while LinkedIn processed the "
                    + "video.", null, e);
        }
    }
}
