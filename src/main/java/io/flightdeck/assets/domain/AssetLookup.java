package io.flightdeck.assets.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the asset library of the current workspace: one asset or several, their names, a filtered list, the assets
 * whose rights end soon, an asset's uses, and where its file or a rendition is stored. Archived assets are read too;
 * lists leave them out unless asked.
 */
@Service
@Transactional(readOnly = true)
public class AssetLookup {

    private final AssetRepository assets;
    private final AssetUseRepository uses;
    private final java.time.Clock clock;

    AssetLookup(AssetRepository assets, AssetUseRepository uses, java.time.Clock clock) {
        this.assets = assets;
        this.uses = uses;
        this.clock = clock;
    }

    public AssetView get(UUID id) {
        return find(id).view();
    }

    /** Several assets by id in one query, for imports that match rows to existing assets; missing ids are left out. */
    public Map<UUID, AssetView> getAll(Collection<UUID> ids) {
        Map<UUID, AssetView> found = new HashMap<>();
        if (!ids.isEmpty()) {
            assets.findAllWithContent(List.copyOf(ids)).forEach(a -> found.put(a.getId(), a.view()));
        }
        return found;
    }

    /** The names of these assets of the workspace, archived ones too, in one query (for the audit log). */
    public Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            assets.findAllById(ids).forEach(a -> names.put(a.getId(), a.getName()));
        }
        return names;
    }

    /**
     * The stored file of an asset, or one of its renditions ({@code thumb-small}, {@code thumb-large}, {@code poster});
     * not found for copy, for a rendition the derived-data job has not made, and for an unknown rendition name.
     */
    public AssetFile file(UUID id, String rendition) {
        Asset asset = find(id);
        AssetContent content = asset.getContent();
        if (content == null) {
            throw new NotFoundException("A file of this asset (it is copy)");
        }
        AssetFile file = content.file(asset.getName(), rendition);
        if (file == null) {
            throw new NotFoundException("The " + rendition + " of this asset");
        }
        return file;
    }

    public Page<AssetView> list(AssetFilter filter, Pageable pageable) {
        return assets.findAll(filter.toSpecification(), pageable).map(Asset::view);
    }

    /** Live assets whose rights end within the given days (expired ones first), soonest first. */
    public Page<AssetView> expiring(int days, Pageable pageable) {
        if (days < 0 || days > 366) {
            throw new InvalidInputException("days", "must be between 0 and 366");
        }
        AssetFilter filter = new AssetFilter(false, null, null, null, null, null, LocalDate.now(clock).plusDays(days));
        return assets.findAll(filter.toSpecification(), pageable).map(Asset::view);
    }

    /** Where an asset is used: where it was first added and every reuse. */
    public Page<AssetUseView> uses(UUID id, Pageable pageable) {
        find(id);
        return uses.findByAssetId(id, pageable).map(AssetUse::view);
    }

    private Asset find(UUID id) {
        return assets.findWithContent(id).orElseThrow(() -> new NotFoundException("The asset"));
    }
}
