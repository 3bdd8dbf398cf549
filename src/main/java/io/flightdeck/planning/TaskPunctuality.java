package io.flightdeck.planning;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How punctually campaigns' work was done, for guidance's success prediction: per campaign, the share of its finished
 * tasks that were finished by their due date (a task without a due date counts as on time). One query for any number
 * of campaigns of the current workspace.
 */
@Component
public class TaskPunctuality {

    private final JdbcClient jdbc;

    TaskPunctuality(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The on-time share (0 to 1) of each campaign that has finished tasks; a campaign without any is left out. */
    public Map<UUID, Double> onTimeShares(Collection<UUID> campaignIds) {
        Map<UUID, Double> shares = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return shares;
        }
        jdbc.sql("select campaign_id, count(*), sum(case when due_date is null or cast(completed_at as date) <= due_date"
                + " then 1 else 0 end) from tasks where tenant_id = :tenant and campaign_id in (:ids)"
                + " and status = 'DONE' and deleted_at is null group by campaign_id")
                .param("tenant", TenantScope.require()).param("ids", campaignIds)
                .query((RowCallbackHandler) r -> shares.put(r.getObject(1, UUID.class),
                        r.getLong(3) / (double) r.getLong(2)));
        return shares;
    }
}
