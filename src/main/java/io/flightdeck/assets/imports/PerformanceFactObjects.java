package io.flightdeck.assets.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.analytics.FactObjects;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Names the asset uses behind analytics' facts ({@link PerformanceFacts}): the asset's name, linked to its page. */
@Component
class PerformanceFactObjects implements FactObjects {

    private final JdbcClient jdbc;

    PerformanceFactObjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String objectType() {
        return PerformanceFacts.OBJECT_TYPE;
    }

    /** Ids are {@code use:importSource}; one use reported by two sources is named twice. */
    @Override
    public Map<String, Named> names(Collection<String> objectIds) {
        Map<UUID, List<String>> byUse = new HashMap<>();
        for (String id : objectIds) {
            int colon = id.indexOf(':');
            try {
                byUse.computeIfAbsent(UUID.fromString(colon < 0 ? id : id.substring(0, colon)), u -> new ArrayList<>())
                        .add(id);
            } catch (IllegalArgumentException notOurs) {
                // another source's "asset-use" with an id of its own: nothing of ours to name
            }
        }
        Map<String, Named> names = new HashMap<>();
        if (!byUse.isEmpty()) {
            UUID tenant = TenantScope.require();
            jdbc.sql("select u.id, a.id, a.name from asset_uses u join assets a on a.id = u.asset_id"
                    + " where u.tenant_id = :tenant and a.tenant_id = :tenant and u.id in (:uses)")
                    .param("tenant", tenant).param("uses", byUse.keySet())
                    .query((RowCallbackHandler) r -> {
                        Named named = new Named(r.getString(3), "/assets/" + r.getString(2));
                        byUse.getOrDefault(r.getObject(1, UUID.class), List.of()).forEach(id -> names.put(id, named));
                    });
        }
        return names;
    }
}
