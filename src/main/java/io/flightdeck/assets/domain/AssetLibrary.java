package io.flightdeck.assets.domain;

import io.flightdeck.shared.persistence.ConcurrentWrites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.assets.storage.BlobStore;
import io.flightdeck.assets.storage.StoredBlob;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to the asset library of the current workspace: registering stored uploads (with dedup), copy, editing,
 * archive and restore, deleting for good, and reuse, with the checks of where an asset goes. Every change that adds an
 * asset to a space or takes it away moves that space's counters in the same transaction. Callers check roles. Reading
 * the library is {@link AssetLookup}.
 */
@Service
public class AssetLibrary {

    private final AssetRepository assets;
    private final AssetUseRepository uses;
    private final AssetContents contents;
    private final CampaignSpaceRepository spaces;
    private final CampaignDirectory campaigns;
    private final BlobStore store;
    private final Clock clock;
    private final TransactionTemplate transactions;

    AssetLibrary(AssetRepository assets, AssetUseRepository uses, AssetContents contents, CampaignSpaceRepository spaces,
            CampaignDirectory campaigns, BlobStore store, Clock clock,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.assets = assets;
        this.uses = uses;
        this.contents = contents;
        this.spaces = spaces;
        this.campaigns = campaigns;
        this.store = store;
        this.clock = clock;
    }

    /** Where an upload or reuse goes, checked: the space (not archived) and its campaign, or a live campaign. */
    @Transactional(readOnly = true)
    public AssetPlacement placement(UUID campaignId, UUID spaceId) {
        if (spaceId != null) {
            CampaignSpace space = spaces.findById(spaceId).orElseThrow(() -> new NotFoundException("The campaign space"));
            if (space.isArchived()) {
                throw new ConflictException("space-archived", "The campaign space is archived; restore it before adding assets.");
            }
            if (campaignId != null && !campaignId.equals(space.getCampaignId())) {
                throw new InvalidInputException("campaignId", "is not the campaign of the space");
            }
            campaigns.find(space.getCampaignId()).orElseThrow(() -> new NotFoundException("The campaign"));
            return new AssetPlacement(space.getCampaignId(), spaceId);
        }
        if (campaignId != null) {
            campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
            return new AssetPlacement(campaignId, null);
        }
        return AssetPlacement.LIBRARY;
    }

    /** A space of this workspace, archived or not (its list can be read either way); else not found. */
    @Transactional(readOnly = true)
    public void requireSpace(UUID spaceId) {
        spaces.findById(spaceId).orElseThrow(() -> new NotFoundException("The campaign space"));
    }

    /**
     * Turns stored bytes into an asset: the existing live asset with the same bytes (linked into the placement) unless
     * the upload skips the duplicate check, else a new one. The content row is locked meanwhile, so a hard delete of
     * the last asset with these bytes cannot remove the blob under this upload.
     */
    @Transactional
    public UploadResult register(StoredBlob blob, AssetDetails details, AssetPlacement placement, boolean skipDuplicateCheck) {
        Actor actor = CurrentActor.require();
        Instant now = clock.instant();
        AssetContents.Locked locked = contents.lockOrCreate(blob, now);
        if (locked.created() && !store.exists(TenantScope.current(), blob.sha256())) {
            // a hard delete removed these bytes between our store and this lock: the upload has to be sent again
            throw new ConflictException("upload-interrupted",
                    "The file was removed from the library while it was being uploaded; upload it again.");
        }
        AssetContent content = locked.content();
        if (!skipDuplicateCheck) {
            var existing = assets.findLiveByContent(content);
            if (existing.isPresent()) {
                boolean linked = link(existing.get(), placement, "Uploaded again as " + details.name(), actor, now);
                return new UploadResult(existing.get().view(), true, linked, List.of());
            }
        }
        Asset asset = assets.save(new Asset(content, placement.campaignId(), placement.spaceId(),
                ImportSource.MANUAL_UPLOAD, details, actor.userId(), now));
        if (!placement.isLibraryOnly()) {
            uses.save(asset.useIn(placement.campaignId(), space(placement), AssetUse.Kind.ORIGIN, null, actor.userId(), now));
            count(placement.spaceId(), 1, asset.fileSize());
        }
        assets.flush();
        return new UploadResult(asset.view(), false, false, List.of());
    }

    /** Copy (ad copy, a headline, a description, a call to action): an asset with text and no file. */
    @Transactional
    public AssetView createCopy(AssetDetails details, AssetPlacement placement, ImportSource source) {
        if (details.type() == null || !details.type().isCopy()) {
            throw new InvalidInputException("type", "copy is AD_COPY, HEADLINE, DESCRIPTION or CALL_TO_ACTION; upload a file for other types");
        }
        Actor actor = CurrentActor.require();
        Instant now = clock.instant();
        Asset asset = assets.save(new Asset(null, placement.campaignId(), placement.spaceId(), source,
                AssetDetailsRules.tidy(details), actor.userId(), now));
        if (!placement.isLibraryOnly()) {
            uses.save(asset.useIn(placement.campaignId(), space(placement), AssetUse.Kind.ORIGIN, null, actor.userId(), now));
            count(placement.spaceId(), 1, 0);
        }
        assets.flush();
        return asset.view();
    }

    /**
     * The details as {@link #createCopy} and {@link #update} would store them, or the {@link InvalidInputException}
     * they would throw; writes nothing. An import checks each row with it before the row's batch is written, so one bad
     * row cannot roll back the rows beside it.
     */
    public AssetDetails checkDetails(AssetDetails details) {
        return AssetDetailsRules.tidy(details);
    }

    @Transactional
    public AssetView update(UUID id, AssetDetails details, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        Asset asset = find(id);
        checkVersion(asset, expectedVersion);
        asset.update(AssetDetailsRules.tidy(details), actor.userId(), clock.instant());
        assets.flush();
        return asset.view();
    }

    /** The soft delete: the asset leaves lists and its spaces' counts, and can be restored. */
    @Transactional
    public void archive(UUID id) {
        Actor actor = CurrentActor.require();
        Asset asset = find(id);
        asset.archive(actor.userId(), clock.instant());
        countUses(asset, -1);
    }

    @Transactional
    public AssetView restore(UUID id) {
        Actor actor = CurrentActor.require();
        Asset asset = find(id);
        asset.restore(actor.userId(), clock.instant());
        countUses(asset, 1);
        assets.flush();
        return asset.view();
    }

    /**
     * The hard delete: the asset and its use history go; its bytes (and their thumbnails) go only when no other asset
     * of the workspace shows them. The blob is removed while the content row is locked, so an upload of the same
     * bytes either finds them still there or is told to send them again, never a row pointing at nothing.
     */
    public void deletePermanently(UUID id) {
        // The derived-data job may write the asset's content (its measurements, its look-alikes) while the delete runs;
        // a delete that meets such a write is not the person's conflict: it starts again on the rows as they are now.
        ConcurrentWrites.retryingOnClash(() -> transactions.executeWithoutResult(tx -> deleteOnce(id)));
    }

    private void deleteOnce(UUID id) {
        Asset asset = find(id);
        AssetContent content = asset.getContent() == null ? null : contents.lock(asset.getContent().getSha256());
        if (!asset.isArchived()) {
            countUses(asset, -1);
        }
        uses.deleteAll(uses.findByAssetId(asset.getId()));
        assets.delete(asset);
        assets.flush();
        if (content != null && assets.countOthersUsing(content, asset.getId()) == 0) {
            try {
                contents.deleteWithBlobs(content);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not remove the asset's file from storage", e);
            }
        }
    }

    /** Links the asset into another campaign or space, recording who, when and in what context. */
    @Transactional
    public AssetUseView reuse(UUID id, AssetPlacement placement, String context) {
        if (placement.isLibraryOnly()) {
            throw new InvalidInputException("campaignId", "name the campaign or the space the asset is reused in");
        }
        Actor actor = CurrentActor.require();
        Asset asset = find(id);
        asset.requireLive();
        if (alreadyUsed(asset, placement)) {
            throw new ConflictException("asset-already-used-there", placement.spaceId() != null
                    ? "The asset is already in this campaign space." : "The asset is already used in this campaign.");
        }
        AssetUse use = addUse(asset, placement, AssetUse.Kind.REUSE, context, actor, clock.instant());
        assets.flush();
        return use.view();
    }

    /**
     * Links the live ones of these assets into a placement, in their order, as {@link #reuse} links one, but reading
     * them and their uses there in one query each. Archived or deleted ones, and those already there, are left out.
     */
    @Transactional
    public void reuseAll(List<UUID> ids, AssetPlacement placement, String context) {
        if (ids.isEmpty() || placement.isLibraryOnly()) {
            return;
        }
        Actor actor = CurrentActor.require();
        Instant now = clock.instant();
        var live = assets.findAllWithContent(ids).stream().filter(a -> !a.isArchived())
                .collect(Collectors.toMap(Asset::getId, a -> a));
        live.keySet().removeAll(uses.placedIn(placement, live.keySet()));
        int linked = 0;
        long bytes = 0;
        for (UUID id : ids) {
            Asset asset = live.remove(id); // removed, so an id named twice links once
            if (asset != null) {
                uses.save(asset.useIn(placement.campaignId(), space(placement), AssetUse.Kind.REUSE, context,
                        actor.userId(), now));
                asset.reused(actor.userId(), now);
                linked++;
                bytes += asset.fileSize();
            }
        }
        count(placement.spaceId(), linked, bytes); // one counter update for them all
        assets.flush();
    }

    /** Links an existing asset into a placement unless it is already there; answers whether it linked. */
    private boolean link(Asset asset, AssetPlacement placement, String context, Actor actor, Instant now) {
        if (placement.isLibraryOnly() || alreadyUsed(asset, placement)) {
            return false;
        }
        addUse(asset, placement, AssetUse.Kind.REUSE, context, actor, now);
        return true;
    }

    private AssetUse addUse(Asset asset, AssetPlacement placement, AssetUse.Kind kind, String context, Actor actor,
            Instant now) {
        AssetUse use = uses.save(asset.useIn(placement.campaignId(), space(placement), kind, context, actor.userId(), now));
        asset.reused(actor.userId(), now);
        count(placement.spaceId(), 1, asset.fileSize());
        return use;
    }

    /** The placement's space as a reference (no query): the use's search fields read its platform when indexed. */
    private CampaignSpace space(AssetPlacement placement) {
        return placement.spaceId() == null ? null : spaces.getReferenceById(placement.spaceId());
    }

    private boolean alreadyUsed(Asset asset, AssetPlacement placement) {
        return placement.spaceId() != null
                ? uses.existsByAssetIdAndCampaignIdAndSpaceId(asset.getId(), placement.campaignId(), placement.spaceId())
                : uses.existsByAssetIdAndCampaignIdAndSpaceIdIsNull(asset.getId(), placement.campaignId());
    }

    private void countUses(Asset asset, int sign) {
        for (AssetUse use : uses.findByAssetId(asset.getId())) {
            count(use.getSpaceId(), sign, sign * asset.fileSize());
        }
    }

    private void count(UUID spaceId, int assets, long bytes) {
        if (spaceId != null) {
            spaces.addToCounters(spaceId, assets, bytes);
        }
    }

    private Asset find(UUID id) {
        return assets.findWithContent(id).orElseThrow(() -> new NotFoundException("The asset"));
    }

    private static void checkVersion(Asset asset, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != asset.getVersion()) {
            throw new PreconditionFailedException(asset.getVersion());
        }
    }
}
