package io.flightdeck.assets.domain;

import java.io.IOException;
import java.time.Instant;
import java.util.stream.Stream;

import io.flightdeck.assets.storage.BlobStore;
import io.flightdeck.assets.storage.StoredBlob;
import io.flightdeck.shared.Ids;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.tenancy.TenantScope;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The content rows: one per distinct SHA-256 in a workspace, created on the first upload of those bytes (which also
 * schedules the derived-data job) and removed with their blobs when the last asset showing them is deleted for good.
 */
@Component
class AssetContents {

    /** The locked content row, and whether this transaction created it. */
    record Locked(AssetContent content, boolean created) {
    }

    private final AssetContentRepository contents;
    private final EntityManager entityManager;
    private final BlobStore store;
    private final Jobs jobs;

    AssetContents(AssetContentRepository contents, EntityManager entityManager, BlobStore store,
            Jobs jobs) {
        this.contents = contents;
        this.entityManager = entityManager;
        this.store = store;
        this.jobs = jobs;
    }

    /**
     * The row for these bytes, locked; inserted first when the workspace has none. The insert ignores a concurrent
     * twin ({@code on conflict do nothing}), so two uploads of the same new bytes end with one row and take turns on it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Locked lockOrCreate(StoredBlob blob, Instant now) {
        // native SQL is not covered by @TenantId: the workspace is written explicitly
        int inserted = entityManager.createNativeQuery("""
                insert into asset_contents (id, tenant_id, sha256, blob_key, size_bytes, mime_type, derived_status,
                                            created_at, version)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?, 0)
                on conflict do nothing""")
                .setParameter(1, Ids.newId()).setParameter(2, TenantScope.current()).setParameter(3, blob.sha256())
                .setParameter(4, blob.key()).setParameter(5, blob.size()).setParameter(6, blob.mimeType())
                .setParameter(7, now).executeUpdate();
        AssetContent content = lock(blob.sha256());
        if (inserted == 1) {
            jobs.schedule(DerivedDataJob.KIND, TenantScope.current(), content.getId(), java.time.Instant.now());
        }
        return new Locked(content, inserted == 1);
    }

    java.util.Optional<AssetContent> find(String sha256) {
        return contents.findBySha256(sha256);
    }

    /** The workspace's stored bytes with this SHA-256, if it has them (what an upload by hash registers). */
    @Transactional(readOnly = true)
    java.util.Optional<StoredBlob> stored(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new InvalidInputException("sha256", "must be 64 lower-case hexadecimal digits");
        }
        return find(sha256).map(c -> new StoredBlob(c.getBlobKey(), c.getSha256(), c.getSizeBytes(), c.getMimeType(),
                true));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    AssetContent lock(String sha256) {
        AssetContent content = contents.lockBySha256(sha256).orElseThrow(() -> new NotFoundException("The asset's file"));
        // An instance this transaction read before locking (a hard delete loads the asset with its content) keeps the
        // state read then, while the locked row may be newer (the derived-data job wrote its measurements meanwhile):
        // deleting it with the old version would fail as a concurrent update.
        entityManager.refresh(content);
        return content;
    }

    /** Removes the row and its blobs (the file, then renditions no other content uses); call with the row locked. */
    @Transactional(propagation = Propagation.MANDATORY)
    void deleteWithBlobs(AssetContent content) throws IOException {
        store.delete(content.getBlobKey());
        for (String rendition : Stream.of("thumb-small", "thumb-large", "poster").map(content::renditionKey).toList()) {
            if (rendition != null && !renditionUsedElsewhere(content, rendition)) {
                store.delete(rendition);
            }
        }
        contents.delete(content);
        contents.flush();
    }

    /** Renditions are content-addressed too, so two contents may share one (the same thumbnail of two re-saves). */
    private boolean renditionUsedElsewhere(AssetContent content, String key) {
        Long others = entityManager.createQuery("""
                select count(c) from AssetContent c where c.id <> :id
                  and (c.thumbSmallKey = :key or c.thumbLargeKey = :key or c.posterKey = :key or c.blobKey = :key)""",
                Long.class).setParameter("id", content.getId()).setParameter("key", key).getSingleResult();
        return others > 0;
    }
}
