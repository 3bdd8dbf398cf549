package io.flightdeck.assets.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

/**
 * What the space list is narrowed by. Every field is optional; {@code archived} null or false keeps live spaces,
 * true only archived ones; {@code q} matches the name and {@code brand} the whole brand, case-insensitively. Spaces of a campaign in the trash are left
 * out whatever the filter: they come back when the campaign is restored.
 */
public record CampaignSpaceFilter(UUID campaignId, AdPlatform platform, Boolean archived, Boolean template, Boolean active,
        String tag, String category, String q, String brand) {

    public static CampaignSpaceFilter templates() {
        return new CampaignSpaceFilter(null, null, false, true, null, null, null, null, null);
    }

    Specification<CampaignSpace> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.isFalse(root.get("campaignInTrash")));
            where.add(Boolean.TRUE.equals(archived) ? cb.isNotNull(root.get("archivedAt")) : cb.isNull(root.get("archivedAt")));
            if (campaignId != null) {
                where.add(cb.equal(root.get("campaignId"), campaignId));
            }
            if (platform != null) {
                where.add(cb.equal(root.get("platform"), platform));
            }
            if (template != null) {
                where.add(cb.equal(root.get("template"), template));
            }
            if (active != null) {
                where.add(cb.equal(root.get("active"), active));
            }
            if (tag != null && !tag.isBlank()) {
                where.add(cb.isMember(tag.strip(), root.get("tags")));
            }
            if (category != null && !category.isBlank()) {
                where.add(cb.equal(cb.lower(root.get("category")), category.strip().toLowerCase(Locale.ROOT)));
            }
            if (brand != null && !brand.isBlank()) {
                where.add(cb.equal(cb.lower(root.get("brand")), brand.strip().toLowerCase(Locale.ROOT)));
            }
            if (q != null && !q.isBlank()) {
                String pattern = "%" + escape(q.strip().toLowerCase(Locale.ROOT)) + "%";
                where.add(cb.like(cb.lower(root.get("name")), pattern, '\\'));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
