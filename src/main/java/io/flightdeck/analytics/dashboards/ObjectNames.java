package io.flightdeck.analytics.dashboards;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.analytics.FactObjects;
import org.springframework.stereotype.Component;

/** Names objects keyed {@code type:id} through the module that owns each type, one look-up per type. */
@Component
class ObjectNames {

    private final List<FactObjects> sources;

    ObjectNames(List<FactObjects> sources) {
        this.sources = sources;
    }

    /** The named ones among {@code keys}, by key; an object no module knows is left out. */
    Map<String, FactObjects.Named> of(Collection<String> keys) {
        Map<String, List<String>> idsByType = new HashMap<>();
        keys.forEach(key -> {
            int colon = key.indexOf(':');
            if (colon > 0) {
                idsByType.computeIfAbsent(key.substring(0, colon), t -> new ArrayList<>()).add(key.substring(colon + 1));
            }
        });
        Map<String, FactObjects.Named> names = new HashMap<>();
        for (FactObjects source : sources) {
            List<String> ids = idsByType.get(source.objectType());
            if (ids != null) {
                source.names(ids).forEach((id, named) -> names.put(source.objectType() + ":" + id, named));
            }
        }
        return names;
    }
}
