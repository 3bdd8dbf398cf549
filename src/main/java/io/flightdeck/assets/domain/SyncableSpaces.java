package io.flightdeck.assets.domain;

import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The campaign spaces the recurring sync reads, across workspaces: live (active, not archived, the campaign not in
 * the trash), on Google Ads or Meta, naming a platform campaign id, in a workspace with a connection to that platform.
 */
@Component
public class SyncableSpaces {

    /** A space and its workspace. */
    public record SpaceRef(UUID workspaceId, UUID spaceId) {
    }

    private final JdbcClient jdbc;

    SyncableSpaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every such space, or only a workspace's; in a stable order. */
    public List<SpaceRef> all(@Nullable UUID workspaceId) {
        return TenantScope.system("the recurring ad-platform sync", () -> jdbc.sql("""
                select s.tenant_id as workspace_id, s.id as space_id from campaign_spaces s
                where s.active = true and s.archived_at is null and s.campaign_in_trash = false
                  and s.platform in ('GOOGLE_ADS', 'META') and s.external_campaign_id is not null
                  and (cast(:workspace as uuid) is null or s.tenant_id = :workspace)
                  and exists (select 1 from ad_platform_connections c
                              where c.tenant_id = s.tenant_id and c.platform = s.platform)
                order by s.tenant_id, s.id""").param("workspace", workspaceId)
                .query(SpaceRef.class).list());
    }
}
