package io.flightdeck.publishing.networks.linkedin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;

import io.flightdeck.publishing.ChannelException;
import io.flightdeck.publishing.ChannelException.Kind;
import io.flightdeck.publishing.OutgoingPost.Media;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One image through LinkedIn's Images API: {@code initializeUpload} names the image and where its bytes go, then the
 * file is streamed there with a PUT, never held in memory. Nothing is posted yet, so any failure here is safe to try
 * again: an image LinkedIn never sees in a post is simply dropped.
 */
class LinkedInImages {

    private final LinkedInApi api;

    LinkedInImages(LinkedInApi api) {
        this.api = api;
    }

    /** Uploads the image for {@code owner} (the post's author) and answers its {@code urn:li:image:...}. */
    String upload(String token, String owner, Media media) {
        ObjectNode request = api.json().createObjectNode();
        request.putObject("initializeUploadRequest").put("owner", owner);
        JsonNode value = api.write(api.postJson("/rest/images?action=initializeUpload", token, request)).body()
                .path("value");
        String uploadUrl = value.path("uploadUrl").asString("");
        String image = value.path("image").asString("");
        if (uploadUrl.isBlank() || !image.startsWith("urn:li:image:")) {
            throw new ChannelException(Kind.RETRYABLE, "upload-unavailable", "LinkedIn gave no upload address for "
                    + media.fileName() + ".");
        }
        InputStream in;
        try {
            in = media.open();
        } catch (IOException e) {
            throw new ChannelException(Kind.RETRYABLE, "media-unreadable", "The file " + media.fileName()
                    + " could not be read: " + e.getMessage(), null, e);
        }
        try (in) {
            BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> in);
            BodyPublisher body = media.size() >= 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, media.size())
                    : stream;
            HttpRequest.Builder put = api.request(URI.create(uploadUrl), token).PUT(body);
            if (media.mimeType() != null) {
                put.header("Content-Type", media.mimeType());
            }
            api.write(put.build());
        } catch (IOException closing) {
            // the bytes were sent; a stream that fails to close changes nothing
        }
        return image;
    }
}
