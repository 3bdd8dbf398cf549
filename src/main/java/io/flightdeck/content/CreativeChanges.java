package io.flightdeck.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When each of a campaign's creatives last changed, as other modules (guidance's recommendations) read it: one query,
 * current workspace only, deleted creatives left out.
 */
@Service
public class CreativeChanges {

    private final JdbcClient jdbc;

    CreativeChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A creative, its title and when it was last changed. */
    public record CreativeChange(UUID id, String title, Instant changedAt) {
    }

    @Transactional(readOnly = true)
    public List<CreativeChange> ofCampaign(UUID campaignId) {
        return jdbc.sql("select id, title, updated_at from creatives where tenant_id = ? and campaign_id = ?"
                + " and deleted_at is null order by created_at, id")
                .params(TenantScope.require(), campaignId)
                .query((r, i) -> new CreativeChange(r.getObject(1, UUID.class), r.getString(2),
                        r.getTimestamp(3).toInstant())).list();
    }
}
