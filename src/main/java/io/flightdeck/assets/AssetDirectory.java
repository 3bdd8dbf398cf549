package io.flightdeck.assets;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Read access to the current workspace's assets for other modules (creatives, brands, renderers). */
public interface AssetDirectory {

    /** The assets among these ids, archived ones included (a creative still shows what it used); missing ids left out. */
    Map<UUID, AssetCard> find(Collection<UUID> ids);

    /** The newest live assets of a type, for pickers (a brand's logos, a creative's image or video). */
    List<AssetCard> newest(AssetType type, int limit);

    /**
     * The text of a document asset — plain text, Markdown, CSV or a PDF's text layer — with whitespace tidied, cut at
     * {@code maxChars}; copy assets give their copy. Empty when the asset holds no readable text (an image, a scanned
     * PDF). Not found for another workspace's asset.
     */
    Optional<String> documentText(UUID id, int maxChars);

    /** The rights of these assets (archived ones included; missing ids left out), for a check before publishing. */
    Map<UUID, AssetUsage> usage(Collection<UUID> ids);

    /**
     * Signed, short-lived addresses of these assets' pictures (the large thumbnail, or a video's poster frame), for a
     * page read by someone without an account, such as an external reviewer; assets without a picture are left out.
     * Anyone holding one sees that picture until it expires (minutes), so give them only to whom the page is for.
     */
    Map<UUID, String> signedPictures(Collection<UUID> ids);

    /**
     * The files of these assets as a social network's preflight checks them, with a signed address of each original
     * (for networks that fetch files themselves); assets without a file, and missing ids, are left out.
     */
    Map<UUID, AssetMedia> media(Collection<UUID> ids);
}
