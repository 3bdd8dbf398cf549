package io.flightdeck.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a source's objects are called and where they are shown, so analytics can name a post or an email send in a
 * drill-down or an explanation and link to it without depending on the module that owns it. The module that writes
 * facts of an object type implements this for that type (publishing for {@code post}, email for {@code email-send}).
 */
public interface FactObjects {

    /** The object type this names, as its facts carry it. */
    String objectType();

    /** The current workspace's objects among {@code objectIds}, in one query; an id not found is left out. */
    Map<String, Named> names(Collection<String> objectIds);

    /**
     * The ids among {@code objectIds} that are UUIDs, as Flightdeck's own objects' are; another source may send facts
     * of the same object type with ids of its own, which nobody here can name.
     */
    static List<UUID> uuids(Collection<String> objectIds) {
        List<UUID> ids = new ArrayList<>();
        for (String id : objectIds) {
            try {
                ids.add(UUID.fromString(id));
            } catch (IllegalArgumentException notOurs) {
                // not one of ours
            }
        }
        return ids;
    }

    /** An object's name for people and the page that shows it. */
    record Named(String label, String path) {
    }
}
