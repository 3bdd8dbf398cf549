package io.flightdeck.email.sending;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A send's ledger as a person reads it, a page at a time: everyone, or only the people it did not reach, with those
 * whose message was handed to the server and never confirmed (they may or may not have it) among them, as such.
 */
@Service
public class RecipientList {

    private static final String NOT_REACHED = "('QUEUED', 'HELD', 'FAILED', 'SKIPPED', 'HANDED_OVER')";

    private final EmailCampaigns emails;
    private final JdbcClient jdbc;

    RecipientList(EmailCampaigns emails, JdbcClient jdbc) {
        this.emails = emails;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Page<RecipientView> page(UUID emailCampaignId, boolean notReachedOnly, Pageable page) {
        emails.find(emailCampaignId);
        String where = " from email_recipients where tenant_id = ? and email_campaign_id = ?"
                + (notReachedOnly ? " and state in " + NOT_REACHED : "");
        UUID tenant = TenantScope.current();
        long total = jdbc.sql("select count(*)" + where).params(tenant, emailCampaignId).query(Long.class).single();
        List<RecipientView> rows = jdbc.sql("select id, contact_id, address, state, attempts, error, permanent,"
                + " next_attempt_at, sent_at, updated_at, provider_id, delivered_at, bounced_at, complained_at,"
                + " resent_at" + where + " order by address, id limit ? offset ?")
                .params(tenant, emailCampaignId, page.getPageSize(), page.getOffset())
                .query((r, i) -> new RecipientView(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
                        r.getString(3), RecipientState.valueOf(r.getString(4)), r.getInt(5), r.getString(6),
                        r.getBoolean(7), instant(r.getTimestamp(8)), instant(r.getTimestamp(9)),
                        instant(r.getTimestamp(10)), r.getString(11), instant(r.getTimestamp(12)),
                        instant(r.getTimestamp(13)), instant(r.getTimestamp(14)), instant(r.getTimestamp(15))))
                .list();
        return new PageImpl<>(rows, page, total);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
