package io.flightdeck.strategy;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The target audience of campaigns' current strategies, in one query, for guidance's success prediction. */
@Component
public class StrategyAudiences {

    private final JdbcClient jdbc;

    StrategyAudiences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each campaign's current strategy's target audience; a campaign without one (or with a blank one) is left out. */
    public Map<UUID, String> currentAudiences(Collection<UUID> campaignIds) {
        Map<UUID, String> audiences = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return audiences;
        }
        jdbc.sql("select campaign_id, target_audience from strategy_versions where tenant_id = :tenant"
                + " and campaign_id in (:ids) and status = 'CURRENT' and target_audience is not null")
                .param("tenant", TenantScope.require()).param("ids", campaignIds)
                .query((RowCallbackHandler) r -> {
                    String audience = r.getString(2);
                    if (!audience.isBlank()) {
                        audiences.put(r.getObject(1, UUID.class), audience.trim());
                    }
                });
        return audiences;
    }
}
