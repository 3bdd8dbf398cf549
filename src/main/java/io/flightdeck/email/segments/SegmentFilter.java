package io.flightdeck.email.segments;

import java.util.Map;

/**
 * A segment's rules as a boolean SQL expression over the alias {@code c} ({@code email_contacts}), with its named
 * parameters ({@code :seg_...}, NamedParameterJdbcTemplate style; every name starts with {@code seg_}). It does not
 * restrict the workspace or the status: the caller adds {@code c.tenant_id = :tenantId and c.status = 'SUBSCRIBED'
 * and (sql)}. The expression holds only fixed fragments and parameter names, never a value someone typed.
 */
public record SegmentFilter(String sql, Map<String, Object> params) {

    public SegmentFilter {
        params = Map.copyOf(params);
    }
}
