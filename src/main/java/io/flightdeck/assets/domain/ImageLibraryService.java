package io.flightdeck.assets.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.ImageLibrary;
import io.flightdeck.assets.storage.BlobStore;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ImageLibrary}: images found by name for pickers, and the one picture of an image that mail may show. */
@Service
@Transactional(readOnly = true)
class ImageLibraryService implements ImageLibrary {

    /** Types every mail client shows; anything else is shown only through its rendition. */
    private static final Set<String> MAIL_SAFE = Set.of("image/jpeg", "image/png", "image/gif");

    private final AssetRepository assets;
    private final BlobStore store;

    ImageLibraryService(AssetRepository assets, BlobStore store) {
        this.assets = assets;
        this.store = store;
    }

    @Override
    public Page<AssetCard> images(String nameContains, Pageable page) {
        AssetFilter filter = new AssetFilter(false, Set.of(AssetType.IMAGE), Set.of(), nameContains, null, null, null);
        Pageable newestFirst = PageRequest.of(page.getPageNumber(), page.getPageSize(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
        Page<Asset> found = assets.findAll(filter.toSpecification(), newestFirst);
        // the page's files in one more query rather than one lazy load per card
        Map<UUID, Asset> withFiles = new HashMap<>();
        if (found.hasContent()) {
            assets.findAllWithContent(found.map(Asset::getId).getContent()).forEach(a -> withFiles.put(a.getId(), a));
        }
        return found.map(a -> card(withFiles.getOrDefault(a.getId(), a)));
    }

    @Override
    public Optional<Picture> picture(UUID assetId) {
        List<Asset> found = assets.findAllWithContent(List.of(assetId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Asset asset = found.get(0);
        AssetContent content = asset.getContent();
        if (asset.isArchived() || asset.getType() != AssetType.IMAGE || content == null) {
            return Optional.empty();
        }
        boolean animated = content.getMimeType().equals("image/gif");
        AssetFile file = animated ? content.file(asset.getName(), null) : content.file(asset.getName(), "thumb-large");
        if (file == null && MAIL_SAFE.contains(content.getMimeType())) {
            file = content.file(asset.getName(), null);
        }
        if (file == null) {
            return Optional.empty();
        }
        String key = file.key();
        UUID workspace = TenantScope.current();
        try {
            long size = store.size(key);
            Integer width = shownWidth(content.view(), !file.key().equals(content.getBlobKey()));
            return Optional.of(new Picture(asset.getId(), asset.getName(), width, file.mimeType(), size, key.substring(key.lastIndexOf('/') + 1),
                    () -> TenantScope.call(workspace, () -> {
                        try {
                            return store.open(key);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rendition's longest side is 1280 px: a picture smaller than that keeps its size. */
    private static Integer shownWidth(AssetFileView file, boolean rendition) {
        if (file.width() == null || file.height() == null || !rendition) {
            return file.width();
        }
        double scale = Math.min(1.0, 1280.0 / Math.max(file.width(), file.height()));
        return (int) Math.round(file.width() * scale);
    }

    private static AssetCard card(Asset a) {
        AssetFileView f = a.getContent() == null ? null : a.getContent().view();
        return new AssetCard(a.getId(), a.getName(), a.getType(), f == null ? null : f.mimeType(), a.isArchived(),
                f != null && f.hasLargeThumbnail(), f != null && f.hasPoster(), f == null ? null : f.width(),
                f == null ? null : f.height());
    }
}
