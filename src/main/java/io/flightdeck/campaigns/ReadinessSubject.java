package io.flightdeck.campaigns;

/**
 * What a readiness item is about: the asset whose rights expired, the account that cannot post, the task that is
 * late. A check names the objects it already has in hand, so that a person can open the one to fix.
 *
 * @param type what kind of object, in the module's words, e.g. {@code asset} or {@code task}
 * @param id   its id (a UUID for records, a key for configuration such as an approval scope)
 * @param name what people call it
 * @param link the page that shows it, or null when it has none of its own
 */
public record ReadinessSubject(String type, String id, String name, String link) {

    public ReadinessSubject {
        if (type == null || type.isBlank() || id == null || id.isBlank()) {
            throw new IllegalArgumentException("a readiness subject needs a type and an id");
        }
    }

    public static ReadinessSubject of(String type, Object id, String name, String link) {
        return new ReadinessSubject(type, String.valueOf(id), name, link);
    }
}
