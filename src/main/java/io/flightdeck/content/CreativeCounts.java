package io.flightdeck.content;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How many creatives campaigns have (those not in the trash), in one query, for guidance's success prediction. */
@Component
public class CreativeCounts {

    private final JdbcClient jdbc;

    CreativeCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each campaign's number of creatives; a campaign without any is left out. */
    public Map<UUID, Integer> counts(Collection<UUID> campaignIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select campaign_id, count(*) from creatives where tenant_id = :tenant and campaign_id in (:ids)"
                + " and deleted_at is null group by campaign_id")
                .param("tenant", TenantScope.require()).param("ids", campaignIds)
                .query((RowCallbackHandler) r -> counts.put(r.getObject(1, UUID.class), (int) r.getLong(2)));
        return counts;
    }
}
