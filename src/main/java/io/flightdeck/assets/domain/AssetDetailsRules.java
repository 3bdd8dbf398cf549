package io.flightdeck.assets.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.flightdeck.assets.AssetType;
import io.flightdeck.shared.InputProblems;
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
        // every problem at once, so a form marks each field and the API lists them all
        InputProblems problems = new InputProblems();
        String name = blankToNull(d.name());
        if (name == null) {
            problems.add("name", "must not be blank");
        } else if (name.length() > MAX_NAME) {
            problems.add("name", "at most " + MAX_NAME + " characters");
        }
        limit(problems, "title", d.title(), 300);
        limit(problems, "description", d.description(), 4000);
        limit(problems, "adCopy", d.adCopy(), 10000);
        limit(problems, "headline", d.headline(), 300);
        limit(problems, "ctaText", d.ctaText(), 120);
        limit(problems, "externalAssetId", d.externalAssetId(), 200);
        Set<String> tags = d.tags() == null ? Set.of() : d.tags().stream().filter(Objects::nonNull).map(String::strip)
                .filter(t -> !t.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        if (tags.size() > MAX_TAGS) {
            problems.add("tags", "at most " + MAX_TAGS + " tags");
        } else if (tags.stream().anyMatch(t -> t.length() > 60)) {
            problems.add("tags", "each tag is at most 60 characters");
        }
        AssetRights r = d.rights() == null ? AssetRights.none() : d.rights();
        limit(problems, "rights.licence", r.licence(), 200);
        limit(problems, "rights.holder", r.holder(), 200);
        limit(problems, "rights.credit", r.credit(), 300);
        problems.throwIfAny("The asset");
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

    private static void limit(InputProblems problems, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            problems.add(field, "at most " + max + " characters");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
