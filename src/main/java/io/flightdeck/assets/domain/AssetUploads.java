package io.flightdeck.assets.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.function.Consumer;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.storage.BlobStore;
import io.flightdeck.assets.storage.StoredBlob;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PayloadTooLargeException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploads, in the order that keeps a refused upload from writing anything and a long one from holding a database
 * connection: check the metadata and the placement, stream the bytes into the blob store (hash, size and type measured
 * on the way, the workspace's limit enforced), then register the asset in one short transaction.
 */
@Service
public class AssetUploads {

    private final AssetLibrary library;
    private final AssetContents contents;
    private final AssetSettingsService settings;
    private final BlobStore store;
    private final TransactionTemplate transactions;

    AssetUploads(AssetLibrary library, AssetContents contents, AssetSettingsService settings, BlobStore store,
            TransactionTemplate transactions) {
        this.library = library;
        this.contents = contents;
        this.settings = settings;
        this.store = store;
        this.transactions = transactions;
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
        return library.register(blob, typed(details, blob), placement, upload.skipDuplicateCheck());
    }

    /** What an upload will be checked for, without its bytes: its details and where it goes. */
    public void check(AssetUpload upload, String fileName) {
        AssetDetailsRules.forUpload(upload, fileName);
        library.placement(upload.campaignId(), upload.spaceId());
    }

    /**
     * A file that arrived earlier, piece by piece (a finished resumable upload), through the same path as
     * {@link #upload}. When the client named the file's SHA-256, the measured one must match, or nothing is registered
     * (and bytes stored just now are removed again). {@code registered} runs in the registering transaction, so what
     * the caller records about the outcome commits with the asset or not at all.
     */
    UploadResult uploadFinished(AssetUpload upload, String fileName, InputStream content, String expectedSha256,
            Consumer<UploadResult> registered) throws IOException {
        AssetDetails details = AssetDetailsRules.forUpload(upload, fileName);
        AssetPlacement placement = library.placement(upload.campaignId(), upload.spaceId());
        StoredBlob blob = store.put(TenantScope.current(), content, settings.current().maxUploadBytes());
        if (expectedSha256 != null && !expectedSha256.equals(blob.sha256())) {
            if (!blob.alreadyStored()) {
                store.delete(blob.key());
            }
            throw new UploadRefusedException(UploadRefusedException.Reason.CHECKSUM_MISMATCH, "The file's SHA-256 is "
                    + blob.sha256() + ", not the " + expectedSha256 + " its metadata named; nothing was registered.");
        }
        AssetDetails typed = typed(details, blob);
        return transactions.execute(status -> {
            UploadResult result = library.register(blob, typed, placement, upload.skipDuplicateCheck());
            registered.accept(result);
            return result;
        });
    }

    private static AssetDetails typed(AssetDetails details, StoredBlob blob) {
        AssetType type = details.type() != null ? details.type() : AssetType.forMimeType(blob.mimeType());
        if (type.isCopy()) {
            throw new InvalidInputException("type", "a file cannot be " + type + "; copy is created without a file");
        }
        return AssetDetailsRules.withType(details, type);
    }

    /**
     * An upload without the bytes, for a client that knows the file's SHA-256: when the workspace already holds that
     * content, the asset is registered (or found) as if it had been sent; otherwise {@code null}, and the client sends it.
     */
    public UploadResult uploadKnownContent(AssetUpload upload, String fileName, String sha256) {
        AssetDetails details = AssetDetailsRules.forUpload(upload, fileName);
        AssetPlacement placement = library.placement(upload.campaignId(), upload.spaceId());
        StoredBlob blob = contents.stored(sha256).orElse(null);
        if (blob == null) {
            return null;
        }
        return library.register(blob, typed(details, blob), placement, upload.skipDuplicateCheck());
    }
}
