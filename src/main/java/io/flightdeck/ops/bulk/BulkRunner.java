package io.flightdeck.ops.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.shared.bulk.BulkAction;
import io.flightdeck.shared.bulk.BulkTarget;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a bulk operation's items, or undoes them, in batches: each item in its own transaction (the change and its
 * outcome commit together, or neither does), as the member who asked, with the action's role checked for each item.
 * A refused item is recorded with the reason in a transaction of its own and the batch carries on. The counters are
 * written once per batch from one grouped count, so progress costs one row per batch, not one per item.
 */
@Component
class BulkRunner {

    private static final Logger log = LoggerFactory.getLogger(BulkRunner.class);
    private static final int BATCH = 100;
    /** A run stops after this long and asks for the next at once, so other jobs get their turn on the poller. */
    private static final Duration RUN_BUDGET = Duration.ofSeconds(5);

    private final BulkOperationRepository operations;
    private final BulkItemRepository items;
    private final BulkTargets targets;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BulkRunner(BulkOperationRepository operations, BulkItemRepository items, BulkTargets targets,
            TransactionTemplate transactions, Clock clock) {
        this.operations = operations;
        this.items = items;
        this.targets = targets;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One run: batches until the items run out (empty: done) or the budget does (now: run again). */
    Optional<Instant> step(UUID operationId) {
        BulkOperation operation = transactions.execute(tx -> start(operationId));
        if (operation == null) {
            return Optional.empty();
        }
        boolean undoing = operation.getStatus() == BulkStatus.UNDOING;
        BulkTarget target = targets.target(operation.getItemType());
        BulkAction action = targets.action(target, operation.getAction());
        // the member who asked, with the role they had then (an API key's ceiling applied)
        Actor actor = new Actor(operation.getRequestedBy(), TenantScope.require(), operation.getRequesterRole(), null,
                operation.getRequesterName(), ZoneOffset.UTC, null);
        long started = System.nanoTime();
        boolean more = true;
        while (more && System.nanoTime() - started < RUN_BUDGET.toNanos()) {
            List<BulkItem> batch = items.findByOperationIdAndStateOrderByPosition(operationId,
                    undoing ? BulkItemState.SUCCEEDED : BulkItemState.PENDING, Limit.of(BATCH));
            CurrentActor.runAs(actor, () -> {
                batch.forEach(item -> run(item, target, action, operation, undoing));
                return null;
            });
            more = batch.size() == BATCH;
            Boolean live = transactions.execute(tx -> counted(operationId, batch.size() < BATCH, undoing));
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

    private void run(BulkItem item, BulkTarget target, BulkAction action, BulkOperation operation, boolean undoing) {
        try {
            transactions.executeWithoutResult(tx -> {
                BulkItem fresh = items.findById(item.getId()).orElseThrow();
                if (fresh.getState() != (undoing ? BulkItemState.SUCCEEDED : BulkItemState.PENDING)) {
                    return; // a cancel or another run settled it meanwhile
                }
                permitted(action, target);
                if (undoing) {
                    target.undo(fresh.getItemId(), action.key(), fresh.getRestore());
                    fresh.undone();
                } else {
                    Map<String, String> restore = target.apply(fresh.getItemId(), action.key(), operation.getParams());
                    fresh.succeeded(target.name(fresh.getItemId()), restore);
                }
                items.saveAndFlush(fresh);
            });
        } catch (RuntimeException e) {
            if (BulkReasons.of(e).startsWith("Could not be changed")) {
                log.warn("bulk {} item {}: {}", operation.getId(), item.getItemId(), e.toString(), e);
            }
            transactions.executeWithoutResult(tx -> {
                BulkItem fresh = items.findById(item.getId()).orElseThrow();
                if (undoing) {
                    fresh.undoFailed(BulkReasons.of(e));
                } else {
                    fresh.failed(target.name(fresh.getItemId()), BulkReasons.of(e));
                }
                items.saveAndFlush(fresh);
            });
        }
    }

    /** The role is checked for each item as well as up front: an action's rule applies to every item it touches. */
    private static void permitted(BulkAction action, BulkTarget target) {
        Actor actor = CurrentActor.require();
        if (!actor.role().includes(action.requiredRole())) {
            throw new AccessDeniedException("A " + actor.role().label() + " may not " + action.label().toLowerCase()
                    + " " + target.label().toLowerCase());
        }
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
