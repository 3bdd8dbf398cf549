package io.flightdeck.approvals;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.approvals.domain.ApprovalSetup;
import io.flightdeck.approvals.domain.ScopeView;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far campaigns' approvals got, for guidance's success prediction: per campaign, the share of the workspace's
 * enabled approval scopes whose scope approval is approved. One query for any number of campaigns, after the scopes
 * (read once).
 */
@Component
public class ScopeProgress {

    private final JdbcClient jdbc;
    private final ApprovalSetup setup;

    ScopeProgress(JdbcClient jdbc, ApprovalSetup setup) {
        this.jdbc = jdbc;
        this.setup = setup;
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
        // the workspace's scopes as the gate sees them: its own rows, or the defaults before it changed any
        List<String> enabled = setup.scopes().stream().filter(ScopeView::enabled).map(ScopeView::key).toList();
        campaignIds.forEach(id -> shares.put(id, enabled.isEmpty() ? 1.0 : 0.0));
        if (enabled.isEmpty()) {
            return shares;
        }
        jdbc.sql("select campaign_id, count(*) from approvals where tenant_id = :tenant and campaign_id in (:ids)"
                + " and scope_key in (:scopes) and subject_key = 'scope' and state = 'APPROVED' group by campaign_id")
                .param("tenant", TenantScope.require()).param("ids", campaignIds).param("scopes", enabled)
                .query((RowCallbackHandler) r -> shares.put(r.getObject(1, UUID.class),
                        Math.min(1.0, r.getLong(2) / (double) enabled.size())));
        return shares;
    }
}
