package io.flightdeck.assets.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.assets.AssetIntake;
import io.flightdeck.assets.storage.BlobStore;
import org.springframework.stereotype.Service;

/** {@link AssetIntake}: files other modules made go through the same path as an upload (limit, type, dedup). */
@Service
class AssetIntakeService implements AssetIntake {

    private final AssetUploads uploads;
    private final AssetLookup lookup;
    private final AssetDirectory directory;
    private final BlobStore store;

    AssetIntakeService(AssetUploads uploads, AssetLookup lookup, AssetDirectory directory, BlobStore store) {
        this.uploads = uploads;
        this.lookup = lookup;
        this.directory = directory;
        this.store = store;
    }

    @Override
    public AssetCard store(InputStream content, String fileName, UUID campaignId, Set<String> tags) throws IOException {
        AssetUpload upload = new AssetUpload(null, campaignId, fileName, null, null, null, tags, false);
        UUID id = uploads.upload(upload, fileName, content).asset().id();
        return directory.find(Set.of(id)).get(id);
    }

    @Override
    public InputStream open(UUID assetId) throws IOException {
        return store.open(lookup.file(assetId, null).key());
    }
}
