package io.flightdeck.approvals.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.InputProblems;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Away? A member hands what is routed to them to a colleague for a while; the history names both. */
@Service
@Transactional
public class ApprovalDelegations {

    private static final Duration LONGEST = Duration.ofDays(90);

    private final ApprovalDelegationRepository delegations;
    private final MemberDirectory members;
    private final ApprovalSetup setup;
    private final Clock clock;

    ApprovalDelegations(ApprovalDelegationRepository delegations, MemberDirectory members, ApprovalSetup setup,
            Clock clock) {
        this.delegations = delegations;
        this.members = members;
        this.setup = setup;
        this.clock = clock;
    }

    /**
     * Whether the signed-in member approves anything they could hand over: a stage of some scope routes to them, by
     * role or by name, or escalates to them. A contributor or a viewer whom no stage names approves nothing.
     */
    @Transactional(readOnly = true)
    public boolean canDelegate() {
        Actor actor = CurrentActor.require();
        return actor.role() != Role.VIEWER && setup.scopeRows().stream().flatMap(scope -> scope.getStages().stream())
                .anyMatch(stage -> stage.routes(actor.userId(), actor.role())
                        || stage.escalatesTo(actor.userId(), actor.role()));
    }

    /** Delegations the signed-in member gave or received, newest first. */
    @Transactional(readOnly = true)
    public List<DelegationView> mine() {
        UUID me = CurrentActor.require().userId();
        List<ApprovalDelegation> rows = delegations.findByDelegatorIdOrDelegateIdOrderByStartsAtDesc(me, me);
        Map<UUID, String> names = members.displayNames(rows.stream()
                .flatMap(d -> java.util.stream.Stream.of(d.getDelegatorId(), d.getDelegateId())).distinct().toList());
        Instant now = clock.instant();
        return rows.stream().map(d -> view(d, names, now)).toList();
    }

    public DelegationView delegate(UUID delegateId, Instant startsAt, Instant endsAt, String note) {
        Actor actor = CurrentActor.require();
        if (actor.role() == Role.VIEWER) {
            throw new AccessDeniedException("Viewers approve nothing, so they have nothing to delegate");
        }
        if (!canDelegate()) {
            throw ApprovalRefused.nothingToDelegate();
        }
        // every problem of the request at once, so a form or an API call learns all of them (the 400 lists each field)
        InputProblems problems = new InputProblems();
        if (delegateId == null) {
            problems.add("delegateId", "must name the member who stands in");
        } else if (delegateId.equals(actor.userId())) {
            problems.add("delegateId", "must be someone else");
        } else {
            MemberSummary delegate = members.find(delegateId).orElse(null);
            if (delegate == null) {
                problems.add("delegateId", "must be a member of this workspace");
            } else if (delegate.role() == Role.VIEWER) {
                problems.add("delegateId", "must not be a viewer: viewers cannot approve on your behalf");
            }
        }
        Instant now = clock.instant();
        Instant start = startsAt != null ? startsAt : now;
        if (endsAt == null || !endsAt.isAfter(start)) {
            problems.add("endsAt", "must be after the start");
        } else if (endsAt.isBefore(now)) {
            problems.add("endsAt", "must be in the future");
        } else if (Duration.between(start, endsAt).compareTo(LONGEST) > 0) {
            problems.add("endsAt", "a delegation lasts at most 90 days");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 500) {
            problems.add("note", "must be at most 500 characters");
        }
        problems.throwIfAny("The delegation");
        ApprovalDelegation saved = delegations.save(new ApprovalDelegation(actor.userId(), delegateId, start, endsAt, text, now));
        return view(saved, members.displayNames(List.of(actor.userId(), delegateId)), now);
    }

    /** The delegator, the delegate or an admin ends a delegation early. */
    public DelegationView revoke(UUID id) {
        Actor actor = CurrentActor.require();
        ApprovalDelegation delegation = delegations.findById(id).orElseThrow(() -> new NotFoundException("The delegation"));
        boolean party = actor.userId().equals(delegation.getDelegatorId()) || actor.userId().equals(delegation.getDelegateId());
        if (!party && !actor.role().includes(Role.ADMIN)) {
            throw new NotFoundException("The delegation");
        }
        Instant now = clock.instant();
        if (delegation.getRevokedAt() == null) {
            delegation.revoke(now);
        }
        return view(delegation, members.displayNames(List.of(delegation.getDelegatorId(), delegation.getDelegateId())), now);
    }

    private static DelegationView view(ApprovalDelegation d, Map<UUID, String> names, Instant now) {
        return new DelegationView(d.getId(), d.getDelegatorId(), names.getOrDefault(d.getDelegatorId(), "a former member"),
                d.getDelegateId(), names.getOrDefault(d.getDelegateId(), "a former member"), d.getStartsAt(), d.getEndsAt(),
                d.getNote(), d.activeAt(now), d.getRevokedAt() != null);
    }
}
