package io.flightdeck.email;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How campaigns' email sends went, for guidance's success prediction: per campaign, the sends that started (sending,
 * paused or sent) and how many of them have a recipient whose message failed. Drafts, scheduled and cancelled sends
 * count for neither. One query for any number of campaigns of the current workspace.
 */
@Component
public class SendOutcomes {

    /** One campaign's started sends, and those with a failure. */
    public record Tally(int started, int withFailures) {
    }

    private final JdbcClient jdbc;

    SendOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each campaign's tally; a campaign without a started send is left out. */
    public Map<UUID, Tally> tallies(Collection<UUID> campaignIds) {
        Map<UUID, Tally> tallies = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return tallies;
        }
        jdbc.sql("select e.campaign_id, count(*), sum(case when exists (select 1 from email_recipients r"
                + " where r.email_campaign_id = e.id and r.state = 'FAILED') then 1 else 0 end) from email_campaigns e"
                + " where e.tenant_id = :tenant and e.campaign_id in (:ids) and e.status in ('SENDING', 'PAUSED', 'SENT')"
                + " group by e.campaign_id")
                .param("tenant", TenantScope.require()).param("ids", campaignIds)
                .query((RowCallbackHandler) r -> tallies.put(r.getObject(1, UUID.class),
                        new Tally((int) r.getLong(2), (int) r.getLong(3))));
        return tallies;
    }
}
