package io.flightdeck.assets.imports;

import java.util.UUID;

import io.flightdeck.assets.domain.SyncableSpaces;
import io.flightdeck.assets.domain.SyncableSpaces.SpaceRef;
import io.flightdeck.shared.tenancy.TenantScope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The recurring sync: starts a sync of each space that has what one needs ({@link SyncableSpaces}), each its own
 * import and job in its own workspace, in no one's name. A space that cannot start (its connection went in between,
 * say) is logged and skipped; one whose platform then refuses fails its own import. Neither stops the others.
 */
@Component
class DueSyncs {

    private static final Logger log = LoggerFactory.getLogger(DueSyncs.class);

    private final SyncableSpaces syncable;
    private final PlatformSyncs syncs;

    DueSyncs(SyncableSpaces syncable, PlatformSyncs syncs) {
        this.syncable = syncable;
        this.syncs = syncs;
    }

    /** Starts the syncs of every workspace (null) or one; answers how many started. */
    int startAll(@Nullable UUID workspaceId) {
        int started = 0;
        for (SpaceRef space : syncable.all(workspaceId)) {
            try {
                if (TenantScope.call(space.workspaceId(), () -> syncs.startScheduled(space.spaceId())).isPresent()) {
                    started++;
                }
            } catch (RuntimeException e) {
                log.warn("The recurring sync of campaign space {} could not start: {}", space.spaceId(), e.toString());
            }
        }
        return started;
    }
}
