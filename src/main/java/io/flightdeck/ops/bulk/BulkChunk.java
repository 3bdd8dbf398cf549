package io.flightdeck.ops.bulk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.shared.bulk.BulkAction;
import io.flightdeck.shared.bulk.BulkParams;
import io.flightdeck.shared.bulk.BulkTarget;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one chunk of a bulk operation's items so that each item stays atomic (its change and its outcome commit
 * together, or neither does) while the chunk pays one commit, and one search-index commit, instead of one per item.
 * <p>
 * The chunk is tried in one transaction, item after item. What an item's own work raises (its checks, the flush a
 * target makes to learn the version it leaves) belongs to that item. The items' rows are read read-only, so the flushes
 * of the items' work do not compare a hundred of them each time, and their outcomes are written together at the end
 * of the chunk; a failure only the commit raises sends the chunk one item a transaction, where each is its own item's.
 * When an item throws, the whole transaction rolls back: the items before it are run again in a transaction of their
 * own (they succeeded on the same state a moment ago), the failed item's reason is written in its own, and the items
 * after it are tried as a chunk again. A rollback rather than a savepoint, because a savepoint rolls back the rows only:
 * Hibernate's persistence context, Hibernate Search's indexing plan and the events published for after the commit
 * would still carry the failed item's change. A chunk whose commit itself fails is run again one item a transaction.
 */
@Component
class BulkChunk {

    private static final Logger log = LoggerFactory.getLogger(BulkChunk.class);

    /** What every item of one run shares. */
    record Run(BulkTarget target, BulkAction action, UUID operationId, BulkParams params, boolean undoing) {

        /** The state an item is in when this run still has to handle it (a cancel or another run may settle it). */
        BulkItemState expected() {
            return undoing ? BulkItemState.SUCCEEDED : BulkItemState.PENDING;
        }
    }

    private final BulkItemRepository items;
    private final TransactionTemplate transactions;
    private final EntityManager entityManager;

    BulkChunk(BulkItemRepository items, TransactionTemplate transactions, EntityManager entityManager) {
        this.items = items;
        this.transactions = transactions;
        this.entityManager = entityManager;
    }

    /** Runs the items (bulk item ids, in order), each succeeding or failing with its reason. */
    void run(List<UUID> chunk, Run run) {
        List<UUID> rest = chunk;
        while (!rest.isEmpty()) {
            ItemFailed failure;
            try {
                failure = attempt(rest, run);
            } catch (RuntimeException e) {
                log.warn("bulk {}: a chunk of {} items could not commit, running them one by one: {}",
                        run.operationId(), rest.size(), e.toString());
                rest.forEach(id -> alone(id, run));
                return;
            }
            if (failure == null) {
                return;
            }
            if (failure.index > 0) {
                run(rest.subList(0, failure.index), run);
            }
            failed(rest.get(failure.index), failure.cause, run);
            rest = rest.subList(failure.index + 1, rest.size());
        }
    }

    /** All the items in one transaction; answers the first that threw (everything rolled back), or null (committed). */
    private ItemFailed attempt(List<UUID> chunk, Run run) {
        try {
            transactions.executeWithoutResult(tx -> {
                Map<UUID, BulkItem> fresh = items.findByIdIn(chunk).stream()
                        .collect(Collectors.toMap(BulkItem::getId, Function.identity()));
                run.target().load(fresh.values().stream().map(BulkItem::getItemId).toList());
                Map<BulkItem, Consumer<BulkItem>> outcomes = new LinkedHashMap<>();
                for (int i = 0; i < chunk.size(); i++) {
                    BulkItem item = fresh.get(chunk.get(i));
                    try {
                        Consumer<BulkItem> outcome = one(item, run);
                        if (outcome != null) {
                            outcomes.put(item, outcome);
                        }
                    } catch (RuntimeException e) {
                        throw new ItemFailed(i, e);
                    }
                }
                Session session = entityManager.unwrap(Session.class);
                outcomes.forEach((item, outcome) -> {
                    session.setReadOnly(item, false); // its state now is the snapshot: the outcome is what changes
                    outcome.accept(item);
                });
            });
            return null;
        } catch (ItemFailed failure) {
            return failure;
        }
    }

    /** One item in a transaction of its own, as before chunks: the fallback when a chunk's commit fails. */
    private void alone(UUID id, Run run) {
        try {
            transactions.executeWithoutResult(tx -> {
                BulkItem item = items.findById(id).orElseThrow();
                Consumer<BulkItem> outcome = one(item, run);
                if (outcome != null) {
                    outcome.accept(item);
                }
            });
        } catch (RuntimeException e) {
            failed(id, e, run);
        }
    }

    /** Changes the item's target and answers the item's outcome to write, or null when the item is settled already. */
    private Consumer<BulkItem> one(BulkItem item, Run run) {
        if (item == null || item.getState() != run.expected()) {
            return null; // a cancel or another run settled it meanwhile
        }
        permitted(run.action(), run.target());
        UUID itemId = item.getItemId();
        if (run.undoing()) {
            run.target().undo(itemId, run.action().key(), item.getRestore());
            return BulkItem::undone;
        }
        Map<String, String> restore = run.target().apply(itemId, run.action().key(), run.params());
        String name = run.target().name(itemId);
        return done -> done.succeeded(name, restore);
    }

    /** Writes an item's failure in a transaction of its own, unless a cancel settled the item meanwhile. */
    private void failed(UUID id, RuntimeException e, Run run) {
        String reason = BulkReasons.of(e);
        if (reason.startsWith("Could not be changed")) {
            log.warn("bulk {} item {}: {}", run.operationId(), id, e.toString(), e);
        }
        transactions.executeWithoutResult(tx -> {
            BulkItem fresh = items.findById(id).orElseThrow();
            if (fresh.getState() != run.expected()) {
                return;
            }
            if (run.undoing()) {
                fresh.undoFailed(reason);
            } else {
                fresh.failed(run.target().name(fresh.getItemId()), reason);
            }
            items.saveAndFlush(fresh);
        });
    }

    /** The role is checked for each item as well as up front: an action's rule applies to every item it touches. */
    private static void permitted(BulkAction action, BulkTarget target) {
        Actor actor = CurrentActor.require();
        if (!actor.role().includes(action.requiredRole())) {
            throw new AccessDeniedException("A " + actor.role().label() + " may not " + action.label().toLowerCase()
                    + " " + target.label().toLowerCase());
        }
    }

    /** Carries the index of the item that threw out of the chunk's transaction, which rolls it back. */
    private static final class ItemFailed extends RuntimeException {

        private final int index;
        private final RuntimeException cause;

        ItemFailed(int index, RuntimeException cause) {
            super(null, cause, false, false);
            this.index = index;
            this.cause = cause;
        }
    }
}
