package io.flightdeck.assets.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.BlobStore;
import io.flightdeck.assets.StoredBlob;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PayloadTooLargeException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;

/**
 * Uploads, in the order that keeps a refused upload from writing anything and a long one from holding a database
 * connection: check the metadata and the placement, stream the bytes into the blob store (hash, size and type measured
 * on the way, the workspace's limit enforced), then register the asset in one short transaction.
 */
@Service
public class AssetUploads {

    private final AssetLibrary library;
    private final AssetSettingsService settings;
    private final BlobStore store;

    AssetUploads(AssetLibrary library, AssetSettingsService settings, BlobStore store) {
        this.library = library;
        this.settings = settings;
        this.store = store;
    }

    /** Refuses a declared length over the workspace's limit before a byte is read. */
    public void checkDeclaredSize(long contentLength) {
        long limit = settings.current().maxUploadBytes();
        if (contentLength > limit) {
            throw new PayloadTooLargeException(limit);
        }
    }

    public UploadResult upload(AssetUpload upload, String fileName, InputStream content) throws IOException {
        AssetDetails details = AssetDetailsRules.forUpload(upload, fileName);
        AssetPlacement placement = library.placement(upload.campaignId(), upload.spaceId());
        // an empty file is refused before anything is stored: peek at the first byte, then hand it back
        PushbackInputStream peeked = new PushbackInputStream(content, 1);
        int first = peeked.read();
        if (first == -1) {
            throw new InvalidInputException("file", "must not be empty");
        }
        peeked.unread(first);
        StoredBlob blob = store.put(TenantScope.current(), peeked, settings.current().maxUploadBytes());
        AssetType type = details.type() != null ? details.type() : AssetType.forMimeType(blob.mimeType());
        if (type.isCopy()) {
            throw new InvalidInputException("type", "a file cannot be " + type + "; copy is created without a file");
        }
        return library.register(blob, AssetDetailsRules.withType(details, type), placement, upload.skipDuplicateCheck());
    }

    /**
     * An upload without the bytes, for a client that knows the file's SHA-256: when the workspace already holds that
     * content, the asset is registered (or found) as if it had been sent; otherwise {@code null}, and the client sends it.
     */
    public UploadResult uploadKnownContent(AssetUpload upload, String fileName, String sha256) {
        AssetDetails details = AssetDetailsRules.forUpload(upload, fileName);
        AssetPlacement placement = library.placement(upload.campaignId(), upload.spaceId());
        StoredBlob blob = library.storedContent(sha256).orElse(null);
        if (blob == null) {
            return null;
        }
        AssetType type = details.type() != null ? details.type() : AssetType.forMimeType(blob.mimeType());
        return library.register(blob, AssetDetailsRules.withType(details, type), placement, upload.skipDuplicateCheck());
    }
}
