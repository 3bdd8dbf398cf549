package io.flightdeck.email.segments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs segment filters against the current workspace's subscribed contacts: each count is one statement, and a page of
 * segments is counted in one statement too (one pass over the contacts, a sum per segment). Native SQL, which
 * {@code @TenantId} does not cover, so every statement names the workspace itself.
 */
@Component
class SegmentQueries {

    /** The contacts a segment may ever select: the workspace's subscribed ones. */
    static final String SUBSCRIBED = "c.tenant_id = :seg_tenant and c.status = 'SUBSCRIBED'";

    private final NamedParameterJdbcTemplate jdbc;

    SegmentQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long count(SegmentFilter filter) {
        Long count = jdbc.queryForObject("select count(*) from email_contacts c where " + SUBSCRIBED + " and ("
                + filter.sql() + ")", params(filter.params()), Long.class);
        return count == null ? 0 : count;
    }

    /** Counts for several filters (their parameter names must not clash), in one statement. */
    List<Long> counts(List<SegmentFilter> filters) {
        if (filters.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select ");
        Map<String, Object> all = new HashMap<>();
        for (int i = 0; i < filters.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("coalesce(sum(case when (").append(filters.get(i).sql())
                    .append(") then 1 else 0 end), 0)");
            all.putAll(filters.get(i).params());
        }
        sql.append(" from email_contacts c where ").append(SUBSCRIBED);
        return jdbc.query(sql.toString(), params(all), rs -> {
            List<Long> counts = new ArrayList<>();
            rs.next();
            for (int i = 1; i <= filters.size(); i++) {
                counts.add(rs.getLong(i));
            }
            return counts;
        });
    }

    /** One page of the matching contacts' ids, by address. */
    List<UUID> members(SegmentFilter filter, int offset, int limit) {
        Map<String, Object> params = params(filter.params());
        params.put("seg_limit", limit);
        params.put("seg_offset", offset);
        return jdbc.queryForList("select c.id from email_contacts c where " + SUBSCRIBED + " and (" + filter.sql()
                + ") order by c.email_key, c.id limit :seg_limit offset :seg_offset", params, UUID.class);
    }

    /** Whether the id is one of the workspace's lists (asked without a throw, which would spoil the transaction). */
    boolean listExists(UUID listId) {
        Map<String, Object> params = params(Map.of());
        params.put("seg_list", listId);
        Long found = jdbc.queryForObject("select count(*) from email_lists l where l.tenant_id = :seg_tenant "
                + "and l.id = :seg_list", params, Long.class);
        return found != null && found > 0;
    }

    private static Map<String, Object> params(Map<String, Object> filterParams) {
        Map<String, Object> params = new HashMap<>(filterParams);
        params.put("seg_tenant", TenantScope.require());
        return params;
    }
}
