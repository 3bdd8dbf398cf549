package io.flightdeck.assets.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.jpa.domain.Specification;

/**
 * The library's filters as seed 001 draws the pipeline: the workspace (always, by tenancy), archived or not, type,
 * all of the tags, the file name case-insensitively; plus where an asset is used (campaign, space) and its rights
 * expiring by a date. Every field is optional.
 *
 * @param rightsExpireBy  assets whose rights end on or before this day (the "expiring" list), expired ones included
 */
public record AssetFilter(Boolean archived, Set<AssetType> types, Set<String> tags, String name, UUID campaignId,
        UUID spaceId, LocalDate rightsExpireBy, Integer similarWithin) {

    public AssetFilter(Boolean archived, Set<AssetType> types, Set<String> tags, String name, UUID campaignId,
            UUID spaceId, LocalDate rightsExpireBy) {
        this(archived, types, tags, name, campaignId, spaceId, rightsExpireBy, null);
    }

    /** The same filter narrowed to images that have a near-duplicate not dismissed, within the threshold. */
    public AssetFilter withNearDuplicates(int threshold) {
        return new AssetFilter(archived, types, tags, name, campaignId, spaceId, rightsExpireBy, threshold);
    }

    public static AssetFilter live() {
        return new AssetFilter(false, Set.of(), Set.of(), null, null, null, null);
    }

    public AssetFilter inSpace(UUID space) {
        return new AssetFilter(archived, types, tags, name, campaignId, space, rightsExpireBy, similarWithin);
    }

    Specification<Asset> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(Boolean.TRUE.equals(archived) ? cb.isNotNull(root.get("archivedAt")) : cb.isNull(root.get("archivedAt")));
            if (types != null && !types.isEmpty()) {
                where.add(root.get("type").in(types));
            }
            if (tags != null) {
                for (String tag : tags) {
                    where.add(cb.isMember(tag, root.get("tags")));
                }
            }
            if (name != null && !name.isBlank()) {
                String pattern = "%" + escape(name.strip().toLowerCase(Locale.ROOT)) + "%";
                where.add(cb.like(cb.lower(root.get("name")), pattern, '\\'));
            }
            if (campaignId != null || spaceId != null) {
                Subquery<Integer> used = query.subquery(Integer.class);
                var use = used.from(AssetUse.class);
                List<Predicate> on = new ArrayList<>();
                on.add(cb.equal(use.get("assetId"), root.get("id")));
                if (campaignId != null) {
                    on.add(cb.equal(use.get("campaignId"), campaignId));
                }
                if (spaceId != null) {
                    on.add(cb.equal(use.get("spaceId"), spaceId));
                }
                where.add(cb.exists(used.select(cb.literal(1)).where(on.toArray(Predicate[]::new))));
            }
            if (similarWithin != null) {
                Subquery<Integer> similar = query.subquery(Integer.class);
                var pair = similar.from(SimilarPair.class);
                var content = root.get("content").get("id");
                similar.select(cb.literal(1)).where(
                        cb.or(cb.equal(pair.get("contentA"), content), cb.equal(pair.get("contentB"), content)),
                        cb.lessThanOrEqualTo(pair.get("distance"), similarWithin), cb.isNull(pair.get("dismissedAt")));
                where.add(cb.exists(similar));
            }
            if (rightsExpireBy != null) {
                where.add(cb.lessThanOrEqualTo(root.get("rightsExpireOn"), rightsExpireBy));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
