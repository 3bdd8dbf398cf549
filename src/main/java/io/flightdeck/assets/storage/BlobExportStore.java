package io.flightdeck.assets.storage;

import java.io.IOException;
import java.io.InputStream;

import io.flightdeck.shared.retention.ExportStore;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Component;

/**
 * The exports written before a purge (shared/retention), kept in the blob store beside the workspace's files: the
 * same folder or bucket, the same workspace-bound keys. Nothing in the asset library refers to them, so no asset's
 * deletion removes one; the operations module deletes its exports with the clean-up run that wrote them.
 */
@Component
class BlobExportStore implements ExportStore {

    /** A part of an export is one batch of rows; far below this. */
    private static final long MAX_BYTES = 1L << 30;

    private final BlobStore store;

    BlobExportStore(BlobStore store) {
        this.store = store;
    }

    @Override
    public String put(InputStream content) throws IOException {
        return store.put(TenantScope.require(), content, MAX_BYTES).key();
    }

    @Override
    public InputStream open(String key) throws IOException {
        return store.open(BlobStore.requireOwnKey(key));
    }

    @Override
    public void delete(String key) throws IOException {
        store.delete(BlobStore.requireOwnKey(key));
    }
}
