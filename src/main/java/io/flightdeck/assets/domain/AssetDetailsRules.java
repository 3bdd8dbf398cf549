package io.flightdeck.assets.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.flightdeck.assets.AssetType;
import io.flightdeck.shared.InvalidInputException;

/**
 * What bean validation cannot check on an asset's details, and the tidying every path shares (uploads, copy, edits,
 * imports): a name, trimmed text, at most 20 tags of 60 characters, rights that make sense.
 */
final class AssetDetailsRules {

    static final int MAX_TAGS = 20;
    static final int MAX_NAME = 255;

    private AssetDetailsRules() {
    }

    static AssetDetails forUpload(AssetUpload upload, String fileName) {
        String name = upload.name() != null && !upload.name().isBlank() ? upload.name() : baseName(fileName);
        if (upload.type() != null && upload.type().isCopy()) {
            throw new InvalidInputException("type", "a file cannot be " + upload.type() + "; copy is created without a file");
        }
        return tidy(new AssetDetails(name, upload.type(), null, upload.title(), upload.description(), null, null, null,
                upload.tags(), Map.of(), Map.of(), AssetRights.none()));
    }

    static AssetDetails withType(AssetDetails d, AssetType type) {
        return new AssetDetails(d.name(), type, d.externalAssetId(), d.title(), d.description(), d.adCopy(),
                d.headline(), d.ctaText(), d.tags(), d.platformMetadata(), d.platformVariants(), d.rights());
    }

    static AssetDetails tidy(AssetDetails d) {
        String name = blankToNull(d.name());
        if (name == null) {
            throw new InvalidInputException("name", "must not be blank");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException("name", "at most " + MAX_NAME + " characters");
        }
        limit("title", d.title(), 300);
        limit("description", d.description(), 4000);
        limit("adCopy", d.adCopy(), 10000);
        limit("headline", d.headline(), 300);
        limit("ctaText", d.ctaText(), 120);
        limit("externalAssetId", d.externalAssetId(), 200);
        Set<String> tags = d.tags() == null ? Set.of() : d.tags().stream().filter(Objects::nonNull).map(String::strip)
                .filter(t -> !t.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInputException("tags", "at most " + MAX_TAGS + " tags");
        }
        if (tags.stream().anyMatch(t -> t.length() > 60)) {
            throw new InvalidInputException("tags", "each tag is at most 60 characters");
        }
        AssetRights r = d.rights() == null ? AssetRights.none() : d.rights();
        limit("rights.licence", r.licence(), 200);
        limit("rights.holder", r.holder(), 200);
        limit("rights.credit", r.credit(), 300);
        AssetRights rights = new AssetRights(blankToNull(r.licence()), blankToNull(r.holder()), blankToNull(r.credit()),
                r.expiresOn(), r.allowedChannels() == null ? Set.of() : Set.copyOf(r.allowedChannels()));
        return new AssetDetails(name, d.type(), blankToNull(d.externalAssetId()), blankToNull(d.title()),
                blankToNull(d.description()), blankToNull(d.adCopy()), blankToNull(d.headline()), blankToNull(d.ctaText()),
                tags, d.platformMetadata() == null ? Map.of() : new LinkedHashMap<>(d.platformMetadata()),
                d.platformVariants() == null ? Map.of() : new LinkedHashMap<>(d.platformVariants()), rights);
    }

    /** The last segment of a client's file name (browsers on some systems send a whole path). */
    static String baseName(String fileName) {
        if (fileName == null) {
            return null;
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        return name.replaceAll("[\\p{Cntrl}]", "").strip();
    }

    private static void limit(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
