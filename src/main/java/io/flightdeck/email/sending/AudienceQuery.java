package io.flightdeck.email.sending;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.email.segments.SegmentFilter;
import io.flightdeck.email.segments.Segments;
import org.springframework.stereotype.Component;

/**
 * An email's audience as SQL: a contact on any of its lists (and not unsubscribed from that list) or in its segment,
 * counted once. Subscribed status and the workspace are added by whoever runs it.
 */
@Component
class AudienceQuery {

    private final Segments segments;

    AudienceQuery(Segments segments) {
        this.segments = segments;
    }

    Audience of(List<UUID> listIds, UUID segmentId) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder();
        if (!listIds.isEmpty()) {
            sql.append("exists (select 1 from email_list_members m where m.contact_id = c.id and m.list_id in (:lists)"
                    + " and m.unsubscribed_at is null)");
            params.put("lists", listIds);
        }
        if (segmentId != null) {
            SegmentFilter filter = segments.filter(segmentId);
            if (sql.length() > 0) {
                sql.append(" or ");
            }
            sql.append("(").append(filter.sql()).append(")");
            params.putAll(filter.params());
        }
        if (sql.length() == 0) {
            sql.append("false");
        }
        return new Audience(sql.toString(), params);
    }
}
