package io.flightdeck.approvals;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far campaigns' approvals got, for guidance's success prediction: per campaign, the share of the workspace's
 * enabled approval scopes whose scope approval is approved. One query for any number of campaigns.
 */
@Component
public class ScopeProgress {

    private final JdbcClient jdbc;

    ScopeProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The approved share (0 to 1) of each campaign; with no enabled scope every campaign is at 1, since nothing waits
     * for approval. Campaigns without an approved scope answer 0.
     */
    public Map<UUID, Double> approvedShares(Collection<UUID> campaignIds) {
        Map<UUID, Double> shares = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return shares;
        }
        UUID tenant = TenantScope.require();
        long enabled = jdbc.sql("select count(*) from approval_scopes where tenant_id = ? and enabled = true")
                .param(tenant).query(Long.class).single();
        campaignIds.forEach(id -> shares.put(id, enabled == 0 ? 1.0 : 0.0));
        if (enabled == 0) {
            return shares;
        }
        jdbc.sql("select a.campaign_id, count(*) from approvals a join approval_scopes s on s.tenant_id = a.tenant_id"
                + " and s.scope_key = a.scope_key and s.enabled = true where a.tenant_id = :tenant"
                + " and a.campaign_id in (:ids) and a.subject_key = 'scope' and a.state = 'APPROVED'"
                + " group by a.campaign_id")
                .param("tenant", tenant).param("ids", campaignIds)
                .query((RowCallbackHandler) r -> shares.put(r.getObject(1, UUID.class),
                        Math.min(1.0, r.getLong(2) / (double) enabled)));
        return shares;
    }
}
