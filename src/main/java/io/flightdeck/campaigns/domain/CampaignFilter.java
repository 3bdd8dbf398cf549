package io.flightdeck.campaigns.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.campaigns.Channel;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

/**
 * What the campaign list is narrowed by. Every field is optional; {@code from}/{@code to} keep campaigns whose dates
 * overlap the range (a missing end date is open-ended; undated campaigns are left out); {@code q} matches name or description, case-insensitively.
 */
public record CampaignFilter(Set<CampaignStatus> statuses, CampaignType type, UUID ownerId, CampaignPriority priority,
        String tag, Channel channel, LocalDate from, LocalDate to, String q) {

    public static CampaignFilter none() {
        return new CampaignFilter(Set.of(), null, null, null, null, null, null, null, null);
    }

    Specification<Campaign> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.isNull(root.get("deletedAt")));
            if (statuses != null && !statuses.isEmpty()) {
                where.add(root.get("status").in(statuses));
            }
            if (type != null) {
                where.add(cb.equal(root.get("type"), type));
            }
            if (ownerId != null) {
                where.add(cb.equal(root.get("ownerId"), ownerId));
            }
            if (priority != null) {
                where.add(cb.equal(root.get("priority"), priority));
            }
            if (tag != null && !tag.isBlank()) {
                where.add(cb.isMember(tag.trim(), root.get("tags")));
            }
            if (channel != null) {
                where.add(cb.isMember(channel, root.get("channels")));
            }
            if (from != null || to != null) {
                // A missing end means open-ended; a campaign without any date matches no date range.
                where.add(cb.or(cb.isNotNull(root.get("startDate")), cb.isNotNull(root.get("endDate"))));
            }
            if (from != null) {
                where.add(cb.or(cb.isNull(root.get("endDate")), cb.greaterThanOrEqualTo(root.get("endDate"), from)));
            }
            if (to != null) {
                where.add(cb.or(cb.isNull(root.get("startDate")), cb.lessThanOrEqualTo(root.get("startDate"), to)));
            }
            if (q != null && !q.isBlank()) {
                String pattern = "%" + escape(q.trim().toLowerCase(Locale.ROOT)) + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("name")), pattern, '\\'),
                        cb.like(cb.lower(root.get("description")), pattern, '\\')));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
