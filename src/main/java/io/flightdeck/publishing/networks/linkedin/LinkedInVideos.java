package io.flightdeck.publishing.networks.linkedin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.OutgoingPost.Media;
import org.springframework.http.MediaType;

/**
 * One video through LinkedIn's Videos API: {@code initializeUpload} with the file's size answers the byte ranges to
 * PUT (parts of about 4 MB), each part's ETag goes into {@code finalizeUpload}, and LinkedIn then processes the video;
 * a post may name it once it is {@code AVAILABLE}. The file is read part by part, so at most one part is in memory.
 * Nothing is posted yet, so a failure here is safe to try again.
 */
class LinkedInVideos {

    /** {@code POST /rest/videos?action=initializeUpload}. */
    record Initialize(Announced initializeUploadRequest) {
    }

    record Announced(String owner, long fileSizeBytes, boolean uploadCaptions, boolean uploadThumbnail) {
    }

    /** The video's URN, its upload token, and where each byte range goes, in {@code value}. */
    record Initialized(Instructions value) {
    }

    record Instructions(String video, String uploadToken, List<Part> uploadInstructions) {
    }

    record Part(String uploadUrl, Long firstByte, Long lastByte) {
    }

    /** {@code POST /rest/videos?action=finalizeUpload}: the token and every part's ETag, in order. */
    record Finalize(Uploaded finalizeUploadRequest) {
    }

    record Uploaded(String video, String uploadToken, List<String> uploadedPartIds) {
    }

    /** {@code GET /rest/videos/{urn}}: {@code PROCESSING}, {@code AVAILABLE} or {@code PROCESSING_FAILED}. */
    record Status(String status) {
    }

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
        Initialized answer = api.create("/rest/videos?action=initializeUpload", token,
                new Initialize(new Announced(owner, size, false, false)), Initialized.class).getBody();
        Instructions value = answer == null || answer.value() == null ? new Instructions(null, null, null)
                : answer.value();
        String video = value.video() == null ? "" : value.video();
        List<Part> instructions = value.uploadInstructions();
        if (!video.startsWith("urn:li:video:") || instructions == null || instructions.isEmpty()) {
            throw new ChannelException(Kind.RETRYABLE, "upload-unavailable", "LinkedIn gave no upload instructions "
                    + "for " + media.fileName() + ".");
        }
        List<String> etags = putParts(token, media, instructions);
        api.create("/rest/videos?action=finalizeUpload", token, new Finalize(new Uploaded(video,
                value.uploadToken() == null ? "" : value.uploadToken(), etags)), Void.class);
        awaitProcessing(token, video, media);
        return video;
    }

    /** Each part LinkedIn asked for, in order, read from one pass over the file. */
    private List<String> putParts(String token, Media media, List<Part> instructions) {
        List<String> etags = new ArrayList<>();
        try (InputStream in = media.open()) {
            long position = 0;
            for (Part part : instructions) {
                long first = part.firstByte() == null ? -1 : part.firstByte();
                long last = part.lastByte() == null ? -1 : part.lastByte();
                if (first != position || last < first || last - first >= Integer.MAX_VALUE) {
                    throw new ChannelException(Kind.RETRYABLE, "upload-unavailable", "LinkedIn asked for bytes "
                            + first + " to " + last + " of " + media.fileName() + " out of order.");
                }
                byte[] bytes = in.readNBytes((int) (last - first + 1));
                if (bytes.length != last - first + 1) {
                    throw new ChannelException(Kind.RETRYABLE, "media-unreadable", media.fileName()
                            + " ended before its announced size.");
                }
                URI uploadUrl = URI.create(part.uploadUrl() == null ? "" : part.uploadUrl());
                String etag = api.write(rest -> rest.put().uri(uploadUrl).headers(h -> h.setBearerAuth(token))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes).retrieve().toBodilessEntity())
                        .getHeaders().getFirst("ETag");
                if (etag == null) {
                    throw new ChannelException(Kind.RETRYABLE, "upload-unavailable", "LinkedIn did not confirm a part of "
                            + media.fileName() + ".");
                }
                etags.add(etag);
                position = last + 1;
            }
        } catch (IOException e) {
            throw unreadable(media, e);
        }
        return etags;
    }

    private void awaitProcessing(String token, String video, Media media) {
        for (int i = 0; i < polls; i++) {
            Status status = api.get("/rest/videos/" + LinkedInApi.encode(video), token, Status.class);
            switch (status == null || status.status() == null ? "" : status.status()) {
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
