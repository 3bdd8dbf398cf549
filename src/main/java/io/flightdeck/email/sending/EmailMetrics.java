package io.flightdeck.email.sending;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An email's numbers (seed 002's metrics): what the ledger says left and what became of it, and the opens and clicks
 * with people and machines counted apart. Rates divide unique people by the recipients reached, and use only the
 * human opens and clicks; machine ones (scanners, Apple's proxy, prefetch) are shown beside them, never mixed in.
 */
@Service
public class EmailMetrics {

    /**
     * An email's opens and clicks, people and machines apart, and the people who opened and who clicked: one query,
     * the same for these metrics and the email's report, so their figures agree. Parameters: the workspace, the email.
     */
    public static final String ENGAGEMENT_TOTALS = "select"
            + " coalesce(sum(case when kind = 'OPEN' and human then 1 else 0 end), 0) as human_opens,"
            + " coalesce(sum(case when kind = 'OPEN' and not human then 1 else 0 end), 0) as machine_opens,"
            + " count(distinct case when kind = 'OPEN' and human then contact_id end) as opened,"
            + " coalesce(sum(case when kind = 'CLICK' and human then 1 else 0 end), 0) as human_clicks,"
            + " coalesce(sum(case when kind = 'CLICK' and not human then 1 else 0 end), 0) as machine_clicks,"
            + " count(distinct case when kind = 'CLICK' and human then contact_id end) as clicked"
            + " from email_engagements where tenant_id = ? and send_id = ? and kind in ('OPEN', 'CLICK')";

    private final EmailCampaigns emails;
    private final JdbcClient jdbc;

    EmailMetrics(EmailCampaigns emails, JdbcClient jdbc) {
        this.emails = emails;
        this.jdbc = jdbc;
    }

    /** Clicks on one link, people and machines apart. */
    public record LinkClicks(String url, long humanClicks, long machineClicks, long people) {
    }

    /**
     * @param reached     sent, delivered, bounced or complained: what the server confirmed it took
     * @param unconfirmed handed to the server with no answer recorded (a crash as it left): they may or may not have
     *                    it, so they are neither reached nor not
     * @param openRate    unique people who opened (human) / reached, in per cent with one decimal
     * @param clickRate   unique people who clicked (human) / reached
     */
    public record Metrics(UUID emailCampaignId, long recipients, long reached, long unconfirmed, long delivered,
            long bounced,
            long complained, long failed, long skipped, long unsubscribed, long humanOpens, long machineOpens,
            long peopleWhoOpened, long humanClicks, long machineClicks, long peopleWhoClicked, double openRate,
            double clickRate, List<LinkClicks> links) {
    }

    @Transactional(readOnly = true)
    public Metrics of(UUID emailCampaignId) {
        emails.find(emailCampaignId);
        UUID tenant = TenantScope.current();
        Map<String, Object> ledger = jdbc.sql("select count(*) as total,"
                + " coalesce(sum(case when state in ('SENT', 'DELIVERED', 'BOUNCED', 'COMPLAINED') then 1 else 0 end), 0)"
                + " as reached,"
                + " coalesce(sum(case when state = 'HANDED_OVER' then 1 else 0 end), 0) as unconfirmed,"
                // as the report counts it: a message the provider reported delivered stays so when a complaint follows
                + " count(delivered_at) as delivered,"
                + " coalesce(sum(case when state = 'BOUNCED' then 1 else 0 end), 0) as bounced,"
                + " coalesce(sum(case when state = 'COMPLAINED' then 1 else 0 end), 0) as complained,"
                + " coalesce(sum(case when state = 'FAILED' then 1 else 0 end), 0) as failed,"
                + " coalesce(sum(case when state = 'SKIPPED' then 1 else 0 end), 0) as skipped,"
                + " count(unsubscribed_at) as unsubscribed"
                + " from email_recipients where tenant_id = ? and email_campaign_id = ?")
                .params(tenant, emailCampaignId).query().singleRow();
        Map<String, Object> engaged = jdbc.sql(ENGAGEMENT_TOTALS)
                .params(tenant, emailCampaignId).query().singleRow();
        List<LinkClicks> links = jdbc.sql("select url, coalesce(sum(case when human then 1 else 0 end), 0),"
                + " coalesce(sum(case when human then 0 else 1 end), 0), count(distinct case when human then contact_id end)"
                + " from email_engagements where tenant_id = ? and send_id = ? and kind = 'CLICK' group by url"
                + " order by 2 desc, url limit 100").params(tenant, emailCampaignId)
                .query((r, i) -> new LinkClicks(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4))).list();
        long reached = n(ledger, "reached");
        return new Metrics(emailCampaignId, n(ledger, "total"), reached, n(ledger, "unconfirmed"),
                n(ledger, "delivered"), n(ledger, "bounced"),
                n(ledger, "complained"), n(ledger, "failed"), n(ledger, "skipped"), n(ledger, "unsubscribed"),
                n(engaged, "human_opens"), n(engaged, "machine_opens"), n(engaged, "opened"), n(engaged, "human_clicks"),
                n(engaged, "machine_clicks"), n(engaged, "clicked"), rate(n(engaged, "opened"), reached),
                rate(n(engaged, "clicked"), reached), links);
    }

    private static long n(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }
}
