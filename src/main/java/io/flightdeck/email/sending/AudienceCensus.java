package io.flightdeck.email.sending;

import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who an email's audience is right now, counted in one statement: those the send will reach (subscribed, with a
 * consent basis), those subscribed without one, and those suppression leaves out. The same condition as the ledger's
 * (it filters by workspace itself: native SQL is not covered by the tenant filter).
 */
@Component
class AudienceCensus {

    /** The counts; {@code suppressed} is unsubscribed, bounced, complained or waiting to confirm. */
    record Census(long mailable, long withoutConsent, long suppressed) {
    }

    private final NamedParameterJdbcTemplate named;

    AudienceCensus(NamedParameterJdbcTemplate named) {
        this.named = named;
    }

    Census of(UUID tenantId, Audience audience) {
        MapSqlParameterSource params = new MapSqlParameterSource(audience.params()).addValue("tenantId", tenantId);
        String sql = "select"
                + " coalesce(sum(case when c.status = 'SUBSCRIBED' and c.consent_at is not null then 1 else 0 end), 0),"
                + " coalesce(sum(case when c.status = 'SUBSCRIBED' and c.consent_at is null then 1 else 0 end), 0),"
                + " coalesce(sum(case when c.status <> 'SUBSCRIBED' then 1 else 0 end), 0)"
                + " from email_contacts c where c.tenant_id = :tenantId and (" + audience.sql() + ")";
        return named.queryForObject(sql, params, (r, i) -> new Census(r.getLong(1), r.getLong(2), r.getLong(3)));
    }
}
