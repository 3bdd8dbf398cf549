package io.flightdeck.ops.bulk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.bulk.BulkAction;
import io.flightdeck.shared.bulk.BulkParams;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** What the API and the pages show of bulk operations. */
public final class BulkViews {

    private BulkViews() {
    }

    @Schema(name = "BulkOperation", description = "A bulk operation and its progress")
    public record Operation(UUID id, String type, String action, String actionLabel, BulkParams params,
            BulkStatus status, int total, int done, int succeeded, int failed, int undone, int undoFailed,
            String requestedByName, Instant createdAt, @Nullable Instant finishedAt,
            @Schema(description = "until when an undo is accepted; null when it no longer is") @Nullable Instant undoableUntil) {

        public int percent() {
            return total == 0 ? 100 : done * 100 / total;
        }

        public boolean running() {
            return status.live();
        }
    }

    @Schema(name = "BulkItem", description = "One item's outcome: SUCCEEDED, or FAILED with the reason in words")
    public record ItemOutcome(int position, UUID itemId, @Nullable String name, BulkItemState state, @Nullable String reason) {
    }

    @Schema(name = "BulkType", description = "An item type and the bulk actions it supports")
    public record Type(String type, String label, List<BulkAction> actions) {
    }

    @Schema(name = "BulkPreview", description = "What a bulk action would do, written nowhere: the items it would "
            + "reach and those not found")
    public record Preview(String type, String action, int total, int found, List<UUID> notFound) {
    }

    /**
     * A form for a bulk action on all that a search finds: the item type, its actions with the choices each parameter
     * offers, and how many items match (at most {@link BulkOperations#MAX_ITEMS}; {@code more} when the search finds
     * more than that).
     */
    public record MatchForm(String type, String label, List<BulkAction> actions,
            Map<String, Map<String, String>> choices, int matching, boolean more) {
    }

    static Operation of(BulkOperation o, String actionLabel, Instant undoableUntil) {
        return new Operation(o.getId(), o.getItemType(), o.getAction(), actionLabel, o.getParams(), o.getStatus(),
                o.getTotal(), o.getDone(), o.getSucceeded(), o.getFailed(), o.getUndone(), o.getUndoFailed(),
                o.getRequesterName(), o.getCreatedAt(), o.getFinishedAt(), undoableUntil);
    }

    static ItemOutcome of(BulkItem i) {
        return new ItemOutcome(i.getPosition(), i.getItemId(), i.getItemName(), i.getState(), i.getReason());
    }
}
