package io.flightdeck.email.segments;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.flightdeck.shared.Ids;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes engagement facts as the tracking endpoints will (an open, a click or a conversion, human or machine), straight
 * into {@code email_engagements}, for tests of the segments that read them.
 */
final class EngagementRows {

    private final JdbcTemplate jdbc;

    EngagementRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID workspace, String contactId, String kind, boolean human, Instant at) {
        jdbc.update("insert into email_engagements (id, tenant_id, contact_id, kind, human, url, occurred_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", Ids.newId(), workspace, UUID.fromString(contactId), kind, human,
                kind.equals("CLICK") ? "https://example.com/spring" : null, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }
}
