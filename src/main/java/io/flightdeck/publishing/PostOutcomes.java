package io.flightdeck.publishing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How campaigns' posts went out, for guidance's success prediction: per campaign, its channel posts that were
 * published and those that failed, are in doubt or were missed. Posts still scheduled or cancelled count for neither.
 * One query for any number of campaigns of the current workspace.
 */
@Component
public class PostOutcomes {

    /** One campaign's posts that went out, and those that went wrong. */
    public record Tally(int published, int troubled) {
    }

    private final JdbcClient jdbc;

    PostOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each campaign's tally; a campaign with no published or troubled post is left out. */
    public Map<UUID, Tally> tallies(Collection<UUID> campaignIds) {
        Map<UUID, Tally> tallies = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return tallies;
        }
        jdbc.sql("select campaign_id, sum(case when status = 'PUBLISHED' then 1 else 0 end),"
                + " sum(case when status in ('FAILED', 'IN_DOUBT', 'MISSED') then 1 else 0 end) from channel_posts"
                + " where tenant_id = :tenant and campaign_id in (:ids)"
                + " and status in ('PUBLISHED', 'FAILED', 'IN_DOUBT', 'MISSED') group by campaign_id")
                .param("tenant", TenantScope.require()).param("ids", campaignIds)
                .query((RowCallbackHandler) r -> tallies.put(r.getObject(1, UUID.class),
                        new Tally((int) r.getLong(2), (int) r.getLong(3))));
        return tallies;
    }
}
