package io.flightdeck.assets.domain;

import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.search.SearchProperties;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A new index folder (a first start after the upgrade that brought search, a lost or moved folder, a new search
 * cluster) would find nothing although the database has assets: at start-up, each workspace that has assets but an
 * empty index gets a rebuild, as if an admin had asked. Off with {@code flightdeck.search.index-on-startup=false}.
 */
@Component
class AssetIndexOnStartup {

    private static final Logger log = LoggerFactory.getLogger(AssetIndexOnStartup.class);

    private final SearchProperties properties;
    private final AssetRepository assets;
    private final AssetSearch search;
    private final AssetIndexRebuilds rebuilds;

    AssetIndexOnStartup(SearchProperties properties, AssetRepository assets, AssetSearch search,
            AssetIndexRebuilds rebuilds) {
        this.properties = properties;
        this.assets = assets;
        this.search = search;
        this.rebuilds = rebuilds;
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexEmptyWorkspaces() {
        if (!properties.indexOnStartup()) {
            return;
        }
        List<UUID> workspaces = TenantScope.system("workspaces with assets, for the search index", assets::findWorkspaceIds);
        for (UUID workspace : workspaces) {
            TenantScope.run(workspace, () -> {
                if (search.indexedCount() == 0) {
                    log.info("The asset search index of workspace {} is empty: rebuilding it", workspace);
                    rebuilds.request();
                }
            });
        }
    }
}
