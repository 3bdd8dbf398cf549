package io.flightdeck.ops.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.search.MatchingItems;
import io.flightdeck.search.SearchCriteria;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.bulk.BulkAction;
import io.flightdeck.shared.bulk.BulkParams;
import io.flightdeck.shared.bulk.BulkTarget;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts bulk operations and answers about them: everything is refused before anything is written (the role, then the
 * request: type, action, ids, params), then the operation and its items are written with the job that runs them, in
 * one transaction. A member sees their own operations; an admin may read and undo anyone's.
 */
@Service
@Transactional
public class BulkOperations {

    /** The most items one operation takes. */
    public static final int MAX_ITEMS = 10_000;
    /** How long an undo is accepted after the operation finished. */
    public static final Duration UNDO_WINDOW = Duration.ofDays(1);
    /** Ids in one query's list of a preview's lookup: well under any database's limit on parameters. */
    private static final int NAMES_PER_QUERY = 1_000;

    private final BulkOperationRepository operations;
    private final BulkItemRepository items;
    private final BulkTargets targets;
    private final Jobs jobs;
    private final MatchingItems matchingItems;
    private final Clock clock;

    BulkOperations(BulkOperationRepository operations, BulkItemRepository items, BulkTargets targets, Jobs jobs,
            MatchingItems matchingItems, Clock clock) {
        this.operations = operations;
        this.items = items;
        this.targets = targets;
        this.jobs = jobs;
        this.matchingItems = matchingItems;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<BulkViews.Type> types() {
        return targets.all().stream().map(t -> new BulkViews.Type(t.type(), t.label(), t.actions())).toList();
    }

    /** Checks the request as {@link #start} would and says which items exist; writes nothing. */
    @Transactional(readOnly = true)
    public BulkViews.Preview preview(String type, String action, List<UUID> ids, SearchCriteria match,
            BulkParams params) {
        Checked checked = checked(type, action, ids, match, params);
        List<UUID> notFound = new ArrayList<>();
        // what a search found exists; only ids named by hand are looked up, a slice of them per query
        List<UUID> named = match == null ? checked.ids() : List.of();
        for (int from = 0; from < named.size(); from += NAMES_PER_QUERY) {
            List<UUID> slice = named.subList(from, Math.min(named.size(), from + NAMES_PER_QUERY));
            Set<UUID> found = checked.target().names(slice).keySet();
            slice.stream().filter(id -> !found.contains(id)).forEach(notFound::add);
        }
        return new BulkViews.Preview(type, action, checked.ids().size(), checked.ids().size() - notFound.size(),
                notFound);
    }

    /**
     * Starts an operation on the items named, or on all that {@code match} finds now (the search as the member runs
     * it; items that match later are not added).
     */
    public BulkViews.Operation start(String type, String action, List<UUID> ids, SearchCriteria match,
            BulkParams params) {
        Checked checked = checked(type, action, ids, match, params);
        Actor actor = CurrentActor.require();
        List<UUID> distinct = checked.ids();
        Instant now = clock.instant();
        BulkOperation operation = new BulkOperation(type, action, params == null ? BulkParams.NONE : params,
                distinct.size(), actor.userId(), actor.role(), actor.displayName(), now);
        operations.save(operation);
        List<BulkItem> rows = new ArrayList<>(distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
            rows.add(new BulkItem(operation.getId(), i, distinct.get(i)));
        }
        items.saveAll(rows); // inserts in JDBC batches (hibernate.jdbc.batch_size)
        jobs.schedule(BulkJobs.BULK, TenantScope.require(), operation.getId(), Instant.now()); // the scheduler's time
        return view(operation);
    }

    /**
     * The form for acting on all that {@code criteria} finds of the items the search calls {@code searchType}; empty
     * when no bulk action takes them. Writes nothing.
     */
    @Transactional(readOnly = true)
    public Optional<BulkViews.MatchForm> matchForm(String searchType, SearchCriteria criteria) {
        Role role = CurrentActor.require().role();
        return targets.all().stream().filter(t -> searchType.equals(t.searchType())).findFirst().map(target -> {
            List<BulkAction> allowed = target.actions().stream().filter(a -> role.includes(a.requiredRole())).toList();
            Map<String, Map<String, String>> choices = new LinkedHashMap<>();
            allowed.stream().flatMap(a -> a.params().stream()).distinct()
                    .forEach(param -> choices.put(param, target.choices(param)));
            int matching = matchingItems.ids(searchType, criteria, MAX_ITEMS + 1).size();
            return new BulkViews.MatchForm(target.type(), target.label(), allowed, choices,
                    Math.min(matching, MAX_ITEMS), matching > MAX_ITEMS);
        });
    }

    @Transactional(readOnly = true)
    public Page<BulkViews.Operation> mine(Pageable pageable) {
        Pageable newestFirst = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
        return operations.findByRequestedBy(CurrentActor.require().userId(), newestFirst).map(this::view);
    }

    @Transactional(readOnly = true)
    public BulkViews.Operation get(UUID id) {
        return view(visible(id));
    }

    @Transactional(readOnly = true)
    public Page<BulkViews.ItemOutcome> items(UUID id, BulkItemState state, Pageable pageable) {
        visible(id);
        Pageable plain = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
        return (state == null ? items.findByOperationIdOrderByPosition(id, plain)
                : items.findByOperationIdAndStateOrderByPosition(id, state, plain)).map(BulkViews::of);
    }

    /**
     * One undo puts back every item the operation changed, as a job: refused (409) while it runs, once undone, after
     * {@link #UNDO_WINDOW}, or for an action that cannot be undone.
     */
    public BulkViews.Operation undo(UUID id) {
        BulkOperation operation = visible(id);
        Instant now = clock.instant();
        if (operation.getStatus() == BulkStatus.UNDOING || operation.getStatus() == BulkStatus.UNDONE) {
            throw new ConflictException("bulk-already-undone", "This bulk action was already undone");
        }
        if (operation.getStatus().live()) {
            throw new ConflictException("bulk-running", "This bulk action is still running; cancel it first, "
                    + "then undo what it changed");
        }
        BulkAction action = targets.action(targets.target(operation.getItemType()), operation.getAction());
        if (!action.undoable()) {
            throw new ConflictException("bulk-not-undoable", action.label() + " cannot be undone");
        }
        Instant until = undoableUntil(operation);
        if (until == null || now.isAfter(until)) {
            throw new ConflictException("bulk-undo-expired", "An undo is accepted for "
                    + UNDO_WINDOW.toHours() + " hours after a bulk action finishes; this one finished at "
                    + operation.getFinishedAt());
        }
        operation.moveTo(BulkStatus.UNDOING, now);
        operations.saveAndFlush(operation);
        // a wake, not a schedule: the run that finished the operation may still hold its execution for a moment, and a
        // schedule would then be dropped, leaving the undo to the orphan sweep a minute later
        jobs.wake(BulkJobs.BULK, TenantScope.require(), id, Instant.now()); // the scheduler's time
        return view(operation);
    }

    /** Stops a running operation: items not reached yet are skipped; those done stay done (and can be undone). */
    public BulkViews.Operation cancel(UUID id) {
        BulkOperation operation = visible(id);
        if (operation.getStatus() != BulkStatus.QUEUED && operation.getStatus() != BulkStatus.RUNNING) {
            throw new ConflictException("bulk-not-running", "Only a bulk action that is still running can be "
                    + "cancelled; this one is " + operation.getStatus().name().toLowerCase());
        }
        items.skipPending(id);
        operation.counted(BulkCounts.of(items.countByState(id)), clock.instant());
        operation.moveTo(BulkStatus.CANCELLED, clock.instant());
        operations.saveAndFlush(operation);
        return view(operation);
    }

    private record Checked(BulkTarget target, List<UUID> ids) {
    }

    /** The role first, then the request; throws before anything is written. Answers the distinct items. */
    private Checked checked(String type, String action, List<UUID> ids, SearchCriteria match, BulkParams params) {
        BulkTarget target = targets.target(type);
        BulkAction bulkAction = targets.action(target, action);
        Role role = CurrentActor.require().role();
        if (!role.includes(bulkAction.requiredRole())) {
            throw new AccessDeniedException("A " + role.label() + " may not " + bulkAction.label().toLowerCase()
                    + " " + target.label().toLowerCase());
        }
        List<UUID> items = match == null ? ids : matching(target, ids, match);
        if (items == null || items.isEmpty()) {
            throw new InvalidInputException(match == null ? "ids" : "match",
                    match == null ? "must name at least one item" : "finds nothing");
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidInputException(match == null ? "ids" : "match", "at most " + MAX_ITEMS
                    + " items at once" + (match == null ? "" : "; narrow the search"));
        }
        if (items.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("ids", "holds no nulls");
        }
        target.check(action, params == null ? BulkParams.NONE : params);
        return new Checked(target, BulkTargets.distinct(items));
    }

    /** All the items of the target's kind the search finds for the member, up to one past the limit. */
    private List<UUID> matching(BulkTarget target, List<UUID> ids, SearchCriteria match) {
        if (ids != null && !ids.isEmpty()) {
            throw new InvalidInputException("match", "is instead of ids: send one or the other");
        }
        if (target.searchType() == null) {
            throw new InvalidInputException("match", target.label() + " are not found by search; name their ids");
        }
        return matchingItems.ids(target.searchType(), match, MAX_ITEMS + 1);
    }

    /** The requester's operation, or any for an admin; another member's or workspace's answers 404. */
    private BulkOperation visible(UUID id) {
        Actor actor = CurrentActor.require();
        return operations.findById(id)
                .filter(o -> o.getRequestedBy().equals(actor.userId()) || actor.role().includes(Role.ADMIN))
                .orElseThrow(() -> new NotFoundException("The bulk action"));
    }

    private Instant undoableUntil(BulkOperation operation) {
        // an action that cannot be undone (a decision) never offers an undo, so its page shows no Undo button
        if (!targets.action(targets.target(operation.getItemType()), operation.getAction()).undoable()) {
            return null;
        }
        boolean settled = operation.getStatus() == BulkStatus.FINISHED || operation.getStatus() == BulkStatus.CANCELLED;
        return settled && operation.getFinishedAt() != null ? operation.getFinishedAt().plus(UNDO_WINDOW) : null;
    }

    private BulkViews.Operation view(BulkOperation operation) {
        Instant until = undoableUntil(operation);
        return BulkViews.of(operation, targets.label(operation.getItemType(), operation.getAction()),
                until != null && clock.instant().isAfter(until) ? null : until);
    }
}
