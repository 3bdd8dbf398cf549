package io.flightdeck.email.facts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.analytics.Metric;
import io.flightdeck.analytics.MetricFact;
import io.flightdeck.analytics.MetricFacts;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An email send's numbers as analytics facts, by UTC hour: messages sent, delivered, bounced, complained of and
 * unsubscribed from (from the send ledger), and the people's opens, clicks and conversions (machines' are left out,
 * as in every rate the email module shows). Each changed send is recomputed whole and replaces its facts, so a
 * provider's late event or a second look never counts twice.
 */
@Component
class EmailFacts {

    static final String SOURCE = "email";
    static final String OBJECT_TYPE = "email-send";
    static final String CHANNEL = "EMAIL";
    /** Sends looked at in one run; the rest wait for the next. */
    private static final int SENDS_PER_RUN = 200;
    /**
     * A send is looked at again when anything of it changed since its last look less this margin, so a transaction
     * that stamped a row just before the look and committed after it is still seen.
     */
    static final Duration MARGIN = Duration.ofSeconds(30);

    /** The ledger's moments, each counted by the hour it happened in, as the metric it becomes. */
    private static final Map<String, Metric> LEDGER_TIMES = new LinkedHashMap<>(Map.of("sent_at", Metric.SENT,
            "delivered_at", Metric.DELIVERED, "bounced_at", Metric.BOUNCES, "complained_at", Metric.COMPLAINTS,
            "unsubscribed_at", Metric.UNSUBSCRIBES));
    /** An hour as a number the same on H2 and PostgreSQL, whatever the session's zone: hours since the epoch. */
    private static final String HOUR = "floor(extract(epoch from %s) / 3600)";
    private static final String HOURLY = LEDGER_TIMES.entrySet().stream().map(e -> ("select '%s', " + HOUR
            + ", count(*) from email_recipients where tenant_id = :t and email_campaign_id = :e and %s is not null"
            + " group by " + HOUR).formatted(e.getValue(), e.getKey(), e.getKey(), e.getKey()))
            .collect(Collectors.joining(" union all ", "", " union all "))
            + "select case kind when 'OPEN' then 'OPENS' when 'CLICK' then 'CLICKS' else 'CONVERSIONS' end, "
            + HOUR.formatted("occurred_at") + ", count(*) from email_engagements"
            + " where tenant_id = :t and send_id = :e and human = true group by kind, " + HOUR.formatted("occurred_at");

    private final JdbcClient jdbc;
    private final MetricFacts facts;
    private final TransactionTemplate tx;
    private final Clock clock;

    EmailFacts(JdbcClient jdbc, MetricFacts facts, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.tx = tx;
        this.clock = clock;
    }

    private record Changed(UUID id, UUID tenantId, UUID campaignId) {
    }

    /** Recomputes the facts of every send that changed since its last look; answers how many sends. */
    int syncChanged() {
        List<Changed> changed = TenantScope.system("email facts", () -> jdbc.sql("""
                select c.id, c.tenant_id, c.campaign_id from email_campaigns c
                where c.status in ('SENDING', 'PAUSED', 'SENT', 'CANCELLED')
                  and (c.facts_synced_at is null
                       or exists (select 1 from email_recipients r
                                  where r.email_campaign_id = c.id and r.updated_at >= c.facts_synced_at)
                       or exists (select 1 from email_engagements e
                                  where e.send_id = c.id and e.occurred_at >= c.facts_synced_at))
                order by c.facts_synced_at nulls first, c.id limit ?""").param(SENDS_PER_RUN)
                .query((r, i) -> new Changed(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
                        r.getObject(3, UUID.class))).list());
        for (Changed send : changed) {
            TenantScope.run(send.tenantId(), () -> tx.executeWithoutResult(status -> sync(send)));
        }
        return changed.size();
    }

    private void sync(Changed send) {
        Instant looked = clock.instant().minus(MARGIN);
        String id = send.id().toString();
        List<MetricFact> hourly = jdbc.sql(HOURLY)
                .param("t", send.tenantId()).param("e", send.id())
                .query((r, i) -> MetricFact.hourly(SOURCE, OBJECT_TYPE, id, send.campaignId(), CHANNEL,
                        Metric.valueOf(r.getString(1)), Instant.ofEpochSecond(r.getLong(2) * 3600), r.getLong(3)))
                .list();
        facts.replace(SOURCE, OBJECT_TYPE, id, hourly);
        jdbc.sql("update email_campaigns set facts_synced_at = ? where id = ? and tenant_id = ?")
                .params(Timestamp.from(looked), send.id(), send.tenantId()).update();
    }
}
