package io.flightdeck.ops.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.shared.bulk.BulkAction;
import io.flightdeck.shared.bulk.BulkTarget;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a bulk operation's items, or undoes them, in chunks of {@value #CHUNK} as the member who asked; the chunk's
 * work is {@link BulkChunk}'s (one transaction for the chunk, each item atomic on its own). The counters are written
 * once per chunk from one grouped count, so progress costs one row per chunk, not one per item.
 */
@Component
class BulkRunner {

    static final int CHUNK = 100;
    /** A run stops after this long and asks for the next at once, so other jobs get their turn on the poller. */
    private static final Duration RUN_BUDGET = Duration.ofSeconds(5);

    private final BulkOperationRepository operations;
    private final BulkItemRepository items;
    private final BulkTargets targets;
    private final BulkChunk chunks;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BulkRunner(BulkOperationRepository operations, BulkItemRepository items, BulkTargets targets, BulkChunk chunks,
            TransactionTemplate transactions, Clock clock) {
        this.operations = operations;
        this.items = items;
        this.targets = targets;
        this.chunks = chunks;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One run: chunks until the items run out (empty: done) or the budget does (now: run again). */
    Optional<Instant> step(UUID operationId) {
        BulkOperation operation = transactions.execute(tx -> start(operationId));
        if (operation == null) {
            return Optional.empty();
        }
        boolean undoing = operation.getStatus() == BulkStatus.UNDOING;
        BulkTarget target = targets.target(operation.getItemType());
        BulkAction action = targets.action(target, operation.getAction());
        BulkChunk.Run run = new BulkChunk.Run(target, action, operation.getId(), operation.getParams(), undoing);
        // the member who asked, with the role they had then (an API key's ceiling applied)
        Actor actor = new Actor(operation.getRequestedBy(), TenantScope.require(), operation.getRequesterRole(), null,
                operation.getRequesterName(), ZoneOffset.UTC, null);
        long started = System.nanoTime();
        boolean more = true;
        while (more && System.nanoTime() - started < RUN_BUDGET.toNanos()) {
            List<UUID> chunk = items.findByOperationIdAndStateOrderByPosition(operationId, run.expected(),
                    Limit.of(CHUNK)).stream().map(BulkItem::getId).toList();
            CurrentActor.runAs(actor, () -> {
                chunks.run(chunk, run);
                return null;
            });
            more = chunk.size() == CHUNK;
            Boolean live = transactions.execute(tx -> counted(operationId, chunk.size() < CHUNK, undoing));
            more = more && Boolean.TRUE.equals(live);
        }
        return more ? Optional.of(Instant.now()) : Optional.empty(); // the scheduler's time, not the app's clock
    }

    private BulkOperation start(UUID operationId) {
        BulkOperation operation = operations.findById(operationId).orElse(null);
        if (operation == null || !operation.getStatus().live()) {
            return null;
        }
        if (operation.getStatus() == BulkStatus.QUEUED) {
            operation.moveTo(BulkStatus.RUNNING, clock.instant());
        }
        return operation;
    }

    /** Writes the counters; at the end of the items, the operation's final status. Answers whether it is still live. */
    private boolean counted(UUID operationId, boolean last, boolean undoing) {
        BulkOperation operation = operations.findById(operationId).orElseThrow();
        Instant now = clock.instant();
        operation.counted(BulkCounts.of(items.countByState(operationId)), now);
        if (!operation.getStatus().live()) {
            return false; // cancelled meanwhile
        }
        if (last) {
            operation.moveTo(undoing ? BulkStatus.UNDONE : BulkStatus.FINISHED, now);
        }
        return !last;
    }
}
