package io.flightdeck.shared.bulk;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One kind of item that bulk operations change (tasks, campaigns, later approvals, assets, posts, contacts): the
 * module that owns the items implements this as a bean and the {@code ops} module runs the operations, so dependencies
 * point one way, as with {@link io.flightdeck.shared.outbound.OutgoingLedger}. The rules stay with the owner: each
 * method calls the owning module's own services, which check state moves and input as for a single change.
 * <p>
 * Every call runs inside the workspace's tenant scope, as the member who asked ({@code CurrentActor}). {@link #apply}
 * and {@link #undo} run inside a transaction that may hold other items of the same operation (a chunk): a failure
 * throws (a not found, a conflict such as an illegal transition, invalid input), and the item's changes roll back
 * while the others' are kept, and its message becomes the item's reason. So an item's work goes through the database
 * (or after-commit events) only: a call to another system made inside apply could be made again for an item whose
 * chunk was rolled back because of another item. {@link BulkTargetSupport} holds the frame every target shares.
 */
public interface BulkTarget {

    /** The item type in URLs and requests, stable: {@code tasks}, {@code campaigns}. */
    String type();

    /** The item type for people: "Tasks". */
    String label();

    /**
     * The search box's key for these items ({@code task}), so that a bulk action can take all that match a search; null
     * when the search does not find them.
     */
    default String searchType() {
        return null;
    }

    /**
     * The values a parameter may take, value to label in the order a menu shows them (the statuses, the members who
     * may be assigned), for a form that is not the item's own list; empty where any value of the parameter's type
     * goes (a number of days, a tag).
     */
    default Map<String, String> choices(String param) {
        return Map.of();
    }

    /** What can be done to these items, in the order a menu shows them. */
    List<BulkAction> actions();

    /**
     * Refuses parameters the action cannot run with, before anything is written (an assignee who is not a member, a
     * status that does not exist): throws {@link io.flightdeck.shared.InvalidInputException} naming the
     * {@code params.} field.
     */
    void check(String action, BulkParams params);

    /** The item's name for the results list, or null when it is not found (another workspace's included). */
    String name(UUID id);

    /**
     * The names of the items found among {@code ids} (those not found are left out), read at once; by default one
     * {@link #name} after another, which a target overrides with one query.
     */
    default Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        ids.forEach(id -> {
            String name = name(id);
            if (name != null) {
                names.put(id, name);
            }
        });
        return names;
    }

    /**
     * Reads the items of one chunk at once, inside the chunk's transaction, so that each item's own read in
     * {@link #apply} or {@link #undo} finds it already loaded instead of asking the database again; by default nothing.
     */
    default void load(Collection<UUID> ids) {
    }

    /**
     * Changes one item and answers what undo needs to put it back exactly (the values before, and the item's version
     * after, so an undo can see a later change by someone else). Throws when the item refuses the change.
     */
    Map<String, String> apply(UUID id, String action, BulkParams params);

    /**
     * Puts one item back from what {@link #apply} answered. Throws {@link io.flightdeck.shared.ConflictException}
     * {@code changed-since} when the item was changed after the bulk operation, rather than overwriting that change.
     */
    void undo(UUID id, String action, Map<String, String> restore);

    /** The conflict an undo throws for an item changed since the bulk operation changed it. */
    static io.flightdeck.shared.ConflictException changedSince(String what) {
        return new io.flightdeck.shared.ConflictException("changed-since",
                what + " was changed after the bulk action; it was left as it is now");
    }
}
