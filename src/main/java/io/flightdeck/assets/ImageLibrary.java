package io.flightdeck.assets;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The current workspace's images for another module's picker, and the picture of one to serve to someone who cannot
 * sign in (a recipient's mail client): the email template editor's image picker.
 */
public interface ImageLibrary {

    /**
     * Live (not archived) images whose name contains the words, in any case, newest first; a blank query lists them
     * all. One query for the page.
     */
    Page<AssetCard> images(String nameContains, Pageable page);

    /**
     * The picture of a live image, fit for mail: its large rendition (longest side 1280 px, JPEG or PNG), or the file
     * itself for a GIF (an animation stays animated) or while the rendition is not made yet for a JPEG or PNG. Empty
     * for an asset that is archived, deleted, not an image, of another workspace, or without a picture mail can show.
     */
    Optional<Picture> picture(UUID assetId);

    /**
     * @param name  the asset's name
     * @param width the picture's width in pixels; null when not measured
     * @param tag   a strong validator of the bytes (their SHA-256), for an ETag
     */
    record Picture(UUID assetId, String name, Integer width, String mimeType, long size, String tag, Bytes bytes) {
    }

    /** Opens the stored bytes for streaming, inside the workspace the picture was read in; the caller closes them. */
    interface Bytes {
        InputStream open() throws IOException;
    }
}
