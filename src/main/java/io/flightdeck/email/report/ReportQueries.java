package io.flightdeck.email.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.email.report.EmailReport.ReportLink;
import io.flightdeck.email.report.EmailReport.ReportTotals;
import io.flightdeck.email.sending.EmailMetrics;
import io.flightdeck.identity.WorkspaceDirectory;
import io.flightdeck.identity.WorkspaceSummary;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The report's figures, each one aggregate query over the send's ledger (email_recipients) or its opens and clicks
 * (email_engagements): never a row per event or per person into memory, and a fixed number of queries whatever the
 * size of the send. Every query filters by the workspace itself, since native SQL escapes Hibernate's tenant filter.
 * The ledger's and the engagements' counts follow EmailMetrics (the same states count as sent; people and machines
 * apart), so the report and the metrics endpoint agree.
 */
@Component
class ReportQueries {

    /**
     * The states of a message the server confirmed it took, and whatever the provider said after. A message handed
     * over and never confirmed (a crash as it left) is counted apart: the server may or may not have it.
     */
    private static final String CONFIRMED = "('SENT', 'DELIVERED', 'BOUNCED', 'COMPLAINED')";
    private static final int TOP_LINKS = 10;

    private final JdbcClient jdbc;
    private final WorkspaceDirectory workspaces;

    ReportQueries(JdbcClient jdbc, WorkspaceDirectory workspaces) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
    }

    /** The workspace's time zone; UTC when it names none Java knows. */
    ZoneId zone() {
        return workspaces.find(TenantScope.require()).map(WorkspaceSummary::timeZone).orElse(ZoneOffset.UTC);
    }

    ReportTotals totals(UUID emailCampaignId) {
        UUID tenant = TenantScope.require();
        Map<String, Object> ledger = jdbc.sql("select count(*) as total,"
                + " coalesce(sum(case when state in " + CONFIRMED + " then 1 else 0 end), 0) as sent,"
                + " coalesce(sum(case when state = 'HANDED_OVER' then 1 else 0 end), 0) as unconfirmed,"
                + " count(resent_at) as resent,"
                + " count(delivered_at) as delivered,"
                + " count(coalesce(delivered_at, bounced_at, complained_at)) as reported,"
                + " coalesce(sum(case when state = 'BOUNCED' then 1 else 0 end), 0) as bounced,"
                + " coalesce(sum(case when state = 'COMPLAINED' then 1 else 0 end), 0) as complained,"
                + " coalesce(sum(case when state = 'FAILED' then 1 else 0 end), 0) as failed,"
                + " coalesce(sum(case when state = 'SKIPPED' then 1 else 0 end), 0) as skipped,"
                + " coalesce(sum(case when state in ('QUEUED', 'HELD') then 1 else 0 end), 0) as waiting,"
                + " count(unsubscribed_at) as unsubscribed"
                + " from email_recipients where tenant_id = ? and email_campaign_id = ?")
                .params(tenant, emailCampaignId).query().singleRow();
        Map<String, Object> engaged = jdbc.sql(EmailMetrics.ENGAGEMENT_TOTALS)
                .params(tenant, emailCampaignId).query().singleRow();
        long sent = n(ledger, "sent");
        long opened = n(engaged, "opened");
        long clicked = n(engaged, "clicked");
        return new ReportTotals(n(ledger, "total"), sent, n(ledger, "unconfirmed"), n(ledger, "resent"),
                n(ledger, "delivered"), n(ledger, "reported") > 0,
                n(ledger, "bounced"), n(ledger, "complained"), n(ledger, "unsubscribed"), n(ledger, "failed"),
                n(ledger, "skipped"), n(ledger, "waiting"), opened, EmailReport.rate(opened, sent), clicked,
                EmailReport.rate(clicked, sent), n(engaged, "human_opens"), n(engaged, "human_clicks"),
                n(engaged, "machine_opens"), n(engaged, "machine_clicks"));
    }

    /**
     * Human opens and clicks by the hour since {@code base} (an hour of the workspace's zone), every hour from
     * {@code laterHour} on folded into that one: hour to {opens, clicks}, only the hours that had any.
     */
    Map<Long, long[]> hourly(UUID emailCampaignId, Instant base, long laterHour) {
        Map<Long, long[]> counts = new HashMap<>();
        // epoch seconds are the one arithmetic on timestamps that H2 and PostgreSQL spell alike
        jdbc.sql("select h, kind, count(*) from (select least(floor((extract(epoch from occurred_at) - ?) / 3600), ?)"
                + " as h, kind from email_engagements where tenant_id = ? and send_id = ? and human = true"
                + " and kind in ('OPEN', 'CLICK') and occurred_at >= ?) e group by h, kind")
                .params(base.getEpochSecond(), laterHour, TenantScope.require(), emailCampaignId, Timestamp.from(base))
                .query((java.sql.ResultSet r) -> {
                    long[] c = counts.computeIfAbsent(r.getLong(1), h -> new long[2]);
                    c["OPEN".equals(r.getString(2)) ? 0 : 1] += r.getLong(3);
                });
        return counts;
    }

    /** The links most people clicked (human clicks only), most first: at most ten. */
    List<ReportLink> topLinks(UUID emailCampaignId) {
        return jdbc.sql("select url, count(distinct contact_id), count(*) from email_engagements where tenant_id = ?"
                + " and send_id = ? and kind = 'CLICK' and human = true and url is not null group by url"
                + " order by 2 desc, 3 desc, 1 limit " + TOP_LINKS)
                .params(TenantScope.require(), emailCampaignId)
                .query((r, i) -> new ReportLink(r.getString(1), r.getLong(2), r.getLong(3))).list();
    }

    /**
     * The other links' clicks summed, their people counted once however many of them they clicked: {links, people,
     * clicks}; {0, 0, 0} when there are no others.
     */
    long[] otherLinks(UUID emailCampaignId, List<String> top) {
        if (top.size() < TOP_LINKS) {
            return new long[3];
        }
        return jdbc.sql("select count(distinct url), count(distinct contact_id), count(*) from email_engagements"
                + " where tenant_id = :tenant and send_id = :id and kind = 'CLICK' and human = true and url is not null"
                + " and url not in (:top)")
                .param("tenant", TenantScope.require()).param("id", emailCampaignId).param("top", top)
                .query((r, i) -> new long[] {r.getLong(1), r.getLong(2), r.getLong(3)}).single();
    }

    private static long n(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
