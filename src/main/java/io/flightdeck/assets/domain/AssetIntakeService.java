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

/**
 * {@link AssetIntake}: files other modules made go through the same path as an upload (limit, type, dedup). A made
 * image is measured as it is stored, not only later by the derived-data job: a module choosing among an image's
 * rendered sizes right after a render (which size suits a network) must see their dimensions, or it picks by chance.
 */
@Service
class AssetIntakeService implements AssetIntake {

    private final AssetUploads uploads;
    private final AssetLookup lookup;
    private final AssetDirectory directory;
    private final BlobStore store;
    private final AssetContents contents;
    private final DerivedData derivedData;

    AssetIntakeService(AssetUploads uploads, AssetLookup lookup, AssetDirectory directory, BlobStore store,
            AssetContents contents, DerivedData derivedData) {
        this.uploads = uploads;
        this.lookup = lookup;
        this.directory = directory;
        this.store = store;
        this.contents = contents;
        this.derivedData = derivedData;
    }

    @Override
    public AssetCard store(InputStream content, String fileName, UUID campaignId, Set<String> tags) throws IOException {
        AssetUpload upload = new AssetUpload(null, campaignId, fileName, null, null, null, tags, false);
        AssetView asset = uploads.upload(upload, fileName, content).asset();
        AssetFileView file = asset.file();
        if (file != null && file.width() == null && file.mimeType().startsWith("image/")) {
            var stored = contents.find(file.sha256());
            if (stored.isPresent()) {
                derivedData.measure(stored.get().getId()); // measuring twice is safe: the job measures again later
            }
        }
        return directory.find(Set.of(asset.id())).get(asset.id());
    }

    @Override
    public InputStream open(UUID assetId) throws IOException {
        return store.open(lookup.file(assetId, null).key());
    }
}
