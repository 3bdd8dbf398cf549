package io.flightdeck.email.sending;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.flightdeck.shared.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The send ledger in SQL, for the hot paths: writing a send's rows in batches, reading the next batch due with what
 * rendering needs, and recording outcomes in batches. Every statement names the email campaign, whose workspace the
 * caller has checked, and the tenant, so no row of another workspace is ever read or touched.
 */
@Component
class SendLedger {

    private static final int INSERT_BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final NamedParameterJdbcTemplate named;

    SendLedger(JdbcClient jdbc, JdbcTemplate batch, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.named = named;
    }

    /** A row due now, with the contact's details as they are at this moment. */
    record Due(UUID id, UUID contactId, String address, String name, String attributesJson, String status,
            boolean inAudience, int attempts, String variant) {
    }

    /**
     * One QUEUED row per subscribed contact of the audience, each due at {@code at} or, with a local time, at that
     * wall-clock time in the contact's zone. With an A/B test's split, those in the test are queued with their
     * variant and the rest are HELD for the winner. Returns how many.
     *
     * @param audience a condition over {@code c} (email_contacts) with its named parameters
     * @param split who is in the test (by position in the audience's order), or null without a test
     */
    int write(UUID tenantId, UUID emailCampaignId, Audience audience, java.util.function.IntFunction<TestSplit> split,
            Instant at, LocalDateTime localTime, ZoneId fallbackZone, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource(audience.params()).addValue("tenantId", tenantId);
        String where = " from email_contacts c where c.tenant_id = :tenantId and c.status = 'SUBSCRIBED' and ("
                + audience.sql() + ")";
        TestSplit test = split == null ? null : split.apply(named.queryForObject("select count(*)" + where, params,
                Integer.class));
        String select = "select c.id, c.email, c.time_zone" + where + " order by c.id";
        List<Object[]> rows = new ArrayList<>(INSERT_BATCH);
        int[] written = {0};
        int[] position = {0};
        Timestamp updated = Timestamp.from(now);
        try (Stream<Map<String, Object>> contacts = named.queryForStream(select, params, (r, i) -> Map.of(
                "id", r.getObject(1, UUID.class), "email", r.getString(2),
                "zone", r.getString(3) == null ? "" : r.getString(3)))) {
            contacts.forEach(contact -> {
                Instant due = localTime == null ? at : dueInZone(localTime, (String) contact.get("zone"), fallbackZone, now);
                String variant = test == null ? null : test.variantAt(position[0]++);
                String state = test == null || variant != null ? "QUEUED" : "HELD";
                rows.add(new Object[] {Ids.newId(), tenantId, emailCampaignId, contact.get("id"), contact.get("email"),
                        variant, state, Timestamp.from(due), updated});
                if (rows.size() == INSERT_BATCH) {
                    written[0] += insert(rows);
                    rows.clear();
                }
            });
        }
        written[0] += insert(rows);
        return written[0];
    }

    private int insert(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        batch.batchUpdate("insert into email_recipients (id, tenant_id, email_campaign_id, contact_id, address, variant,"
                + " state, attempts, next_attempt_at, permanent, updated_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?, false, ?)",
                rows);
        return rows.size();
    }

    private static Instant dueInZone(LocalDateTime local, String zone, ZoneId fallback, Instant now) {
        ZoneId z = fallback;
        if (!zone.isEmpty()) {
            try {
                z = ZoneId.of(zone);
            } catch (RuntimeException unknown) {
                // a zone this JVM does not know (an older tz database): the fallback's time is the nearest we have
            }
        }
        Instant due = local.atZone(z).toInstant();
        return due.isBefore(now) ? now : due;
    }

    /**
     * The next rows due, oldest first, with whether each contact is still in the audience: subscribed, and for an
     * audience of lists only, still on one of them (leaving a list takes effect at once).
     */
    List<Due> due(UUID tenantId, UUID emailCampaignId, List<UUID> listsOnly, Instant now, int limit) {
        String onList = listsOnly.isEmpty() ? "true" : "exists (select 1 from email_list_members m where m.contact_id = c.id"
                + " and m.list_id in (:lists) and m.unsubscribed_at is null)";
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("tenantId", tenantId)
                .addValue("campaign", emailCampaignId).addValue("now", Timestamp.from(now)).addValue("limit", limit);
        if (!listsOnly.isEmpty()) {
            params.addValue("lists", listsOnly);
        }
        return named.query("select r.id, r.contact_id, r.address, c.name, c.attributes, c.status, r.attempts, ("
                + onList + ") as on_list, r.variant from email_recipients r join email_contacts c on c.id = r.contact_id"
                + " where r.tenant_id = :tenantId and r.email_campaign_id = :campaign and r.state = 'QUEUED'"
                + " and r.next_attempt_at <= :now order by r.next_attempt_at, r.id limit :limit", params,
                (r, i) -> new Due(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                        r.getString(4), r.getString(5), r.getString(6),
                        "SUBSCRIBED".equals(r.getString(6)) && r.getBoolean(8), r.getInt(7), r.getString(9)));
    }

    /**
     * The commit that a message is leaving, made just before the end of its data goes to the server: from here it is
     * never sent again. False when the row is no longer queued (then the message must not leave).
     */
    boolean handOver(UUID tenantId, UUID id, Instant now) {
        return jdbc.sql("update email_recipients set state = 'HANDED_OVER', handed_over_at = ?, attempts = attempts + 1,"
                + " updated_at = ? where tenant_id = ? and id = ? and state = 'QUEUED'")
                .params(Timestamp.from(now), Timestamp.from(now), tenantId, id).update() == 1;
    }

    /**
     * The hand-over of a provider call's messages, committed together before the call: from here none of them is
     * sent again. Answers the rows that were still queued (only those may go).
     */
    java.util.Set<UUID> handOverAll(UUID tenantId, List<UUID> ids, Instant now) {
        java.util.Set<UUID> handed = new java.util.HashSet<>();
        for (UUID id : ids) {
            if (handOver(tenantId, id, now)) {
                handed.add(id);
            }
        }
        return handed;
    }

    /** Rows handed over before {@code before} and still unconfirmed, oldest first: the ones to look up. */
    List<UUID> inDoubt(UUID tenantId, UUID emailCampaignId, Instant before, int limit) {
        return jdbc.sql("select id from email_recipients where tenant_id = ? and email_campaign_id = ?"
                + " and state = 'HANDED_OVER' and handed_over_at <= ? order by handed_over_at, id limit ?")
                .params(tenantId, emailCampaignId, Timestamp.from(before), limit).query(UUID.class).list();
    }

    /** When the oldest unconfirmed row was handed over, if any is left. */
    Instant oldestInDoubt(UUID tenantId, UUID emailCampaignId) {
        return jdbc.sql("select min(handed_over_at) from email_recipients where tenant_id = ? and email_campaign_id = ?"
                + " and state = 'HANDED_OVER'").params(tenantId, emailCampaignId).query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElse(null);
    }

    /** An unconfirmed row the provider turned out to have: sent, with its id for the message. */
    void confirmSent(UUID tenantId, UUID id, String providerId, Instant now) {
        jdbc.sql("update email_recipients set state = 'SENT', provider_id = ?, sent_at = ?, error = null,"
                + " updated_at = ? where tenant_id = ? and id = ? and state = 'HANDED_OVER'")
                .params(providerId, Timestamp.from(now), Timestamp.from(now), tenantId, id).update();
    }

    /** An unconfirmed row the provider provably does not have: queued again, due now. */
    void requeueUnsent(UUID tenantId, UUID id, String why, Instant now) {
        jdbc.sql("update email_recipients set state = 'QUEUED', next_attempt_at = ?, error = ?, updated_at = ?"
                + " where tenant_id = ? and id = ? and state = 'HANDED_OVER'")
                .params(Timestamp.from(now), why, Timestamp.from(now), tenantId, id).update();
    }

    /** What became of each message of a batch, recorded together. */
    void record(UUID tenantId, List<Outcome> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        batch.batchUpdate("update email_recipients set state = ?, error = ?, permanent = ?, next_attempt_at = ?,"
                + " sent_at = ?, attempts = attempts + ?, updated_at = ?, provider_id = coalesce(?, provider_id)"
                + " where tenant_id = ? and id = ? and state in ('QUEUED', 'HANDED_OVER')",
                outcomes, outcomes.size(), (PreparedStatement ps, Outcome o) -> {
                    ps.setString(1, o.state().name());
                    ps.setString(2, o.error());
                    ps.setBoolean(3, o.permanent());
                    ps.setTimestamp(4, Timestamp.from(o.nextAttemptAt() == null ? now : o.nextAttemptAt()));
                    ps.setTimestamp(5, o.state() == RecipientState.SENT ? at : null);
                    // a refusal before the hand-over did not count its attempt yet
                    ps.setInt(6, o.handedOver() ? 0 : 1);
                    ps.setTimestamp(7, at);
                    ps.setString(8, o.providerId());
                    ps.setObject(9, tenantId);
                    ps.setObject(10, o.id());
                });
    }

    /** The earliest time a queued row falls due, if any is left. */
    Instant nextDue(UUID tenantId, UUID emailCampaignId) {
        return jdbc.sql("select min(next_attempt_at) from email_recipients where tenant_id = ? and email_campaign_id = ?"
                + " and state = 'QUEUED'").params(tenantId, emailCampaignId).query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElse(null);
    }

    /** How many people wait for an A/B test's winner. */
    long held(UUID tenantId, UUID emailCampaignId) {
        return jdbc.sql("select count(*) from email_recipients where tenant_id = ? and email_campaign_id = ?"
                + " and state = 'HELD'").params(tenantId, emailCampaignId).query(Long.class).single();
    }

    /** Gives everyone waiting for the winner {@code variant}, queued now; returns how many. */
    int release(UUID tenantId, UUID emailCampaignId, String variant, Instant now) {
        return jdbc.sql("update email_recipients set state = 'QUEUED', variant = ?, next_attempt_at = ?, updated_at = ?"
                + " where tenant_id = ? and email_campaign_id = ? and state = 'HELD'")
                .params(variant, Timestamp.from(now), Timestamp.from(now), tenantId, emailCampaignId).update();
    }

    /** How many rows are in each state. */
    Map<RecipientState, Long> counts(UUID tenantId, UUID emailCampaignId) {
        return counts(tenantId, List.of(emailCampaignId)).getOrDefault(emailCampaignId,
                new java.util.EnumMap<>(RecipientState.class));
    }

    /** The same for a page of emails, in one query. */
    Map<UUID, Map<RecipientState, Long>> counts(UUID tenantId, List<UUID> emailCampaignIds) {
        Map<UUID, Map<RecipientState, Long>> counts = new java.util.HashMap<>();
        if (emailCampaignIds.isEmpty()) {
            return counts;
        }
        named.query("select email_campaign_id, state, count(*) from email_recipients where tenant_id = :tenantId"
                + " and email_campaign_id in (:ids) group by email_campaign_id, state",
                new MapSqlParameterSource().addValue("tenantId", tenantId).addValue("ids", emailCampaignIds),
                (java.sql.ResultSet r) -> {
                    counts.computeIfAbsent(r.getObject(1, UUID.class), id -> new java.util.EnumMap<>(RecipientState.class))
                            .put(RecipientState.valueOf(r.getString(2)), r.getLong(3));
                });
        return counts;
    }

    /** Puts the rows that failed for a reason that may pass back in the queue, due now; returns how many. */
    int requeueFailed(UUID tenantId, UUID emailCampaignId, Instant now) {
        return jdbc.sql("update email_recipients set state = 'QUEUED', next_attempt_at = ?, error = null,"
                + " updated_at = ? where tenant_id = ? and email_campaign_id = ? and state = 'FAILED' and permanent = false")
                .params(Timestamp.from(now), Timestamp.from(now), tenantId, emailCampaignId).update();
    }
}
