package io.flightdeck.planning.tasks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The predecessors of the tasks a bulk chunk read at once, held for that chunk's transaction only, so that a move of
 * each task to in progress does not ask the database again (a query, and before it a flush that compares every task
 * the transaction holds). A bulk action writes no dependency, so what the chunk read at its start stays true to its
 * end; a task the chunk did not read is looked up as before.
 */
final class PreloadedPredecessors {

    private static final Object KEY = PreloadedPredecessors.class;

    private PreloadedPredecessors() {
    }

    /** Holds the predecessors of {@code taskIds} (every link whose successor is one of them) until the commit. */
    static void hold(Collection<UUID> taskIds, List<TaskDependency> links) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Map<UUID, List<UUID>> bySuccessor = new HashMap<>();
        taskIds.forEach(id -> bySuccessor.put(id, new ArrayList<>()));
        links.forEach(link -> bySuccessor.computeIfAbsent(link.getSuccessorId(), id -> new ArrayList<>())
                .add(link.getPredecessorId()));
        TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        TransactionSynchronizationManager.bindResource(KEY, bySuccessor);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
            }
        });
    }

    /** The predecessor ids of a task this transaction's chunk read, or empty when it read none for it. */
    @SuppressWarnings("unchecked")
    static Optional<List<UUID>> of(UUID taskId) {
        return TransactionSynchronizationManager.getResource(KEY) instanceof Map<?, ?> held
                ? Optional.ofNullable((List<UUID>) held.get(taskId)) : Optional.empty();
    }
}
