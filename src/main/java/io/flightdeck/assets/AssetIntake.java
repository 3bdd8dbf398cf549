package io.flightdeck.assets;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.UUID;

/**
 * How another module adds files it made (rendered images and videos) to the current workspace's library, and reads
 * the files of assets it uses. Acting for the signed-in member (a job runs as the member who asked).
 */
public interface AssetIntake {

    /**
     * Streams the content into the library, in the campaign's assets when a campaign is named: the same bytes
     * stored before come back as the existing asset (nothing is stored twice). The type is detected from the bytes.
     */
    AssetCard store(InputStream content, String fileName, UUID campaignId, Set<String> tags) throws IOException;

    /** The original file of a live or archived asset of this workspace; the caller closes it. Not found otherwise. */
    InputStream open(UUID assetId) throws IOException;
}
