package io.flightdeck.publishing.networks.linkedin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.OutgoingPost.Media;
import org.springframework.http.MediaType;

/**
 * One image through LinkedIn's Images API: {@code initializeUpload} names the image and where its bytes go, then the
 * file is streamed there with a PUT, never held in memory. Nothing is posted yet, so any failure here is safe to try
 * again: an image LinkedIn never sees in a post is simply dropped.
 */
class LinkedInImages {

    /** {@code POST /rest/images?action=initializeUpload}: the image's owner, in {@code initializeUploadRequest}. */
    record Initialize(Owner initializeUploadRequest) {
    }

    record Owner(String owner) {
    }

    /** Where to PUT the bytes, and the image's URN, in {@code value}. */
    record Initialized(Upload value) {
    }

    record Upload(String uploadUrl, String image) {
    }

    private final LinkedInApi api;

    LinkedInImages(LinkedInApi api) {
        this.api = api;
    }

    /** Uploads the image for {@code owner} (the post's author) and answers its {@code urn:li:image:...}. */
    String upload(String token, String owner, Media media) {
        Initialized answer = api.create("/rest/images?action=initializeUpload", token,
                new Initialize(new Owner(owner)), Initialized.class).getBody();
        Upload value = answer == null || answer.value() == null ? new Upload(null, null) : answer.value();
        String uploadUrl = value.uploadUrl() == null ? "" : value.uploadUrl();
        String image = value.image() == null ? "" : value.image();
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
            api.write(rest -> rest.put().uri(URI.create(uploadUrl)).headers(h -> {
                h.setBearerAuth(token);
                if (media.mimeType() != null) {
                    h.setContentType(MediaType.parseMediaType(media.mimeType()));
                }
                if (media.size() >= 0) {
                    h.setContentLength(media.size()); // without a length the file goes in chunks
                }
            }).body(in::transferTo).retrieve().toBodilessEntity());
        } catch (IOException closing) {
            // the bytes were sent; a stream that fails to close changes nothing
        }
        return image;
    }
}
