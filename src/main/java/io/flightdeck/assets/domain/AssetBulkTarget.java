package io.flightdeck.assets.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.bulk.BulkAction;
import io.flightdeck.shared.bulk.BulkParams;
import io.flightdeck.shared.bulk.BulkTargetSupport;
import io.flightdeck.shared.security.Role;
import org.springframework.stereotype.Component;

/**
 * Assets for bulk operations: a tag added or removed, archive and restore, each through the method a single change
 * uses ({@link AssetLibrary#update}, {@link AssetLibrary#archive}, {@link AssetLibrary#restore}), so the details rules
 * and the spaces' counters stay right. Contributors may, as they may for one asset. An undo is refused for an asset
 * whose version moved since, rather than overwriting someone's later change.
 */
@Component
class AssetBulkTarget extends BulkTargetSupport {

    static final String TAG = "tag";
    static final String UNTAG = "untag";
    static final String ARCHIVE = "archive";
    static final String UNARCHIVE = "unarchive";

    private static final List<BulkAction> ACTIONS = List.of(
            new BulkAction(TAG, "Add tag", Role.CONTRIBUTOR, List.of("tag"), true),
            new BulkAction(UNTAG, "Remove tag", Role.CONTRIBUTOR, List.of("tag"), true),
            new BulkAction(ARCHIVE, "Archive", Role.CONTRIBUTOR, List.of(), true),
            new BulkAction(UNARCHIVE, "Restore", Role.CONTRIBUTOR, List.of(), true));

    private final AssetLibrary library;
    private final AssetRepository repository;

    AssetBulkTarget(AssetLibrary library, AssetRepository repository) {
        super("assets", "Assets", "asset", ACTIONS);
        this.library = library;
        this.repository = repository;
    }

    @Override
    public void check(String action, BulkParams params) {
        if (TAG.equals(action) || UNTAG.equals(action)) {
            tag(params.tag());
        }
    }

    @Override
    public String name(UUID id) {
        return repository.findById(id).map(Asset::getName).orElse(null);
    }

    @Override
    public Map<UUID, String> names(Collection<UUID> ids) {
        return namesOf(repository.findAllById(ids), Asset::getId, Asset::getName);
    }

    @Override
    public Map<String, String> apply(UUID id, String action, BulkParams params) {
        AssetView asset = find(id).view();
        Map<String, String> before = new HashMap<>();
        switch (action) {
            case TAG, UNTAG -> {
                String tag = tag(params.tag());
                TreeSet<String> tags = new TreeSet<>(asset.tags());
                boolean changed = TAG.equals(action) ? tags.add(tag) : tags.remove(tag);
                if (!changed) {
                    throw new ConflictException("nothing-to-change", TAG.equals(action)
                            ? "The asset already has the tag " + tag : "The asset does not have the tag " + tag);
                }
                before.put("tags", joinTags(asset.tags()));
                library.update(id, details(asset, tags), null);
            }
            case ARCHIVE -> library.archive(id);
            case UNARCHIVE -> library.restore(id);
            default -> throw new InvalidInputException("action", "assets have no action " + action);
        }
        return withVersionAfter(before, repository, id, Asset::getVersion);
    }

    @Override
    public void undo(UUID id, String action, Map<String, String> restore) {
        Asset asset = find(id);
        unchangedSince(asset.getVersion(), restore, "The asset");
        switch (action) {
            case TAG, UNTAG -> library.update(id, details(asset.view(), splitTags(restore.get("tags"))), null);
            case ARCHIVE -> library.restore(id);
            case UNARCHIVE -> library.archive(id);
            default -> throw new InvalidInputException("action", "assets have no action " + action);
        }
    }

    private Asset find(UUID id) {
        return repository.findWithContent(id).orElseThrow(() -> new NotFoundException("The asset"));
    }

    private static AssetDetails details(AssetView a, Set<String> tags) {
        return new AssetDetails(a.name(), a.type(), a.externalAssetId(), a.title(), a.description(), a.adCopy(),
                a.headline(), a.ctaText(), tags, a.platformMetadata(), a.platformVariants(), a.rights());
    }
}
