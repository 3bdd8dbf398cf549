package io.flightdeck.publishing.networks.instagram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.OutgoingPost;
import io.flightdeck.publishing.channels.OutgoingPost.Media;
import org.springframework.http.MediaType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Instagram's media containers (the content publishing guide): an image container names the image's public
 * {@code image_url}, which Instagram fetches; a video with a public address is named by {@code video_url} likewise,
 * and one without is made with {@code upload_type=resumable} and the file is streamed to
 * {@code rupload.facebook.com/ig-api-upload/{version}/{container}} with the headers
 * {@code Authorization: OAuth {token}}, {@code offset: 0} and {@code file_size}; a carousel is a container of up to ten
 * item containers. Each is asked about ({@code status_code}) until Instagram has {@code FINISHED} it. None of this
 * publishes anything, so every call here is a plain retry when it times out.
 */
class InstagramContainers {

    /** Waits between status checks; a test passes one that does not really sleep. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    record Created(String id, String uri) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Status(String id, String statusCode, String status) {
    }

    record Uploaded(Boolean success, String message) {
    }

    private final InstagramApi api;
    private final InstagramProperties properties;
    private final Pause pause;

    InstagramContainers(InstagramApi api, InstagramProperties properties, Pause pause) {
        this.api = api;
        this.properties = properties;
        this.pause = pause;
    }

    /** Makes the container this post is published from and answers its id once Instagram has finished it. */
    String prepare(String igUser, OutgoingPost post, InstagramFormat format, String token) {
        String caption = post.text() == null || post.text().isBlank() ? null : post.text();
        String id = switch (format) {
            case IMAGE -> image(igUser, post.media().get(0), caption, null, false, token);
            case STORY -> post.media().get(0).video()
                    ? video(igUser, post.media().get(0), null, "STORIES", false, token)
                    : image(igUser, post.media().get(0), null, "STORIES", false, token);
            case REEL -> video(igUser, post.media().get(0), caption, "REELS", false, token);
            case CAROUSEL -> carousel(igUser, post.media(), caption, token);
        };
        awaitFinished(id, token);
        return id;
    }

    private String carousel(String igUser, List<Media> media, String caption, String token) {
        List<String> children = new ArrayList<>();
        for (Media m : media) {
            String child = m.video() ? video(igUser, m, null, "VIDEO", true, token)
                    : image(igUser, m, null, null, true, token);
            awaitFinished(child, token);
            children.add(child);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("media_type", "CAROUSEL");
        fields.put("children", String.join(",", children));
        if (caption != null) {
            fields.put("caption", caption);
        }
        return create(igUser, fields, token).id();
    }

    private String image(String igUser, Media m, String caption, String mediaType, boolean item, String token) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("image_url", m.publicUrl());
        if (mediaType != null) {
            fields.put("media_type", mediaType);
        }
        if (item) {
            fields.put("is_carousel_item", "true");
        }
        if (caption != null) {
            fields.put("caption", caption);
        }
        return create(igUser, fields, token).id();
    }

    private String video(String igUser, Media m, String caption, String mediaType, boolean item, String token) {
        // Meta documents the resumable upload for apps with Facebook Login and video_url for both logins: a video
        // with a public address is fetched by Instagram, one without is sent
        boolean fetched = m.publicUrl() != null && !m.publicUrl().isBlank();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("media_type", mediaType);
        fields.put(fetched ? "video_url" : "upload_type", fetched ? m.publicUrl() : "resumable");
        if (item) {
            fields.put("is_carousel_item", "true");
        }
        if (caption != null) {
            fields.put("caption", caption);
        }
        String id = create(igUser, fields, token).id();
        if (!fetched) {
            send(id, m, token);
        }
        return id;
    }

    private Created create(String igUser, Map<String, String> fields, String token) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("access_token", token);
        Created created = api.prepare(api.graph("/" + InstagramApi.encode(igUser) + "/media", null, Map.of()), all,
                Created.class);
        if (created == null || created.id() == null || created.id().isBlank()) {
            throw new ChannelException(Kind.RETRYABLE, "network-error", "Instagram made a container without an id.");
        }
        return created;
    }

    /** Streams the whole file in one request from offset 0; its length is counted first when it is not known. */
    private void send(String container, Media m, String token) {
        try {
            long size = m.size() >= 0 ? m.size() : count(m);
            if (size == 0) {
                throw new ChannelException(Kind.REFUSED, "media-empty", m.fileName() + " is empty.");
            }
            Uploaded answer = api.uploads().read(rest -> rest.post().uri(api.upload(container)).headers(h -> {
                h.set("Authorization", "OAuth " + token);
                h.set("offset", "0");
                h.set("file_size", String.valueOf(size));
                h.setContentLength(size);
            }).contentType(MediaType.APPLICATION_OCTET_STREAM).body(out -> {
                try (InputStream in = m.open()) {
                    in.transferTo(out);
                }
            }).retrieve().body(Uploaded.class));
            if (answer == null || !Boolean.TRUE.equals(answer.success())) {
                throw new ChannelException(Kind.RETRYABLE, "upload-failed", "Instagram did not take " + m.fileName()
                        + (answer == null || answer.message() == null ? "." : ": " + answer.message()));
            }
        } catch (IOException e) {
            throw new ChannelException(Kind.RETRYABLE, "media-unreadable", m.fileName()
                    + " could not be read for Instagram: " + e.getMessage(), null, e);
        }
    }

    private static long count(Media m) throws IOException {
        try (InputStream in = m.open()) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** The container's status; null when Instagram answered without one. */
    Status status(String container, String token) {
        return api.get(api.graph("/" + InstagramApi.encode(container), token, Map.of("fields", "status_code,status")),
                Status.class);
    }

    /** Asks until FINISHED, at most {@code containerWait} in all; ERROR and EXPIRED are refused in its words. */
    void awaitFinished(String container, String token) {
        Duration waited = Duration.ZERO;
        while (true) {
            Status status = status(container, token);
            String code = status == null || status.statusCode() == null ? "" : status.statusCode();
            switch (code) {
                case "FINISHED" -> {
                    return;
                }
                case "ERROR", "EXPIRED" -> throw new ChannelException(Kind.REFUSED,
                        "container-" + code.toLowerCase(Locale.ROOT),
                        "Instagram could not prepare the post (" + code + (status.status() == null ? ""
                                : ": " + status.status()) + ").");
                default -> {
                    // IN_PROGRESS, or no word yet: ask again after a pause
                }
            }
            waited = waited.plus(properties.pollInterval());
            if (waited.compareTo(properties.containerWait()) > 0) {
                throw new ChannelException(Kind.RETRYABLE, "container-processing", "Instagram was still preparing the "
                        + "post after " + properties.containerWait().toSeconds() + " s; nothing was published, and it "
                        + "will be tried again later.");
            }
            try {
                pause.sleep(properties.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChannelException(Kind.RETRYABLE, "network-unavailable",
                        "Stopped while Instagram was preparing the post.", null, e);
            }
        }
    }
}
