package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who may act on an approval's current stage: the members the stage routes to (by role or by name), its escalation
 * target once it is overdue, and anyone those members delegated to while they are away.
 */
@Component
class ApprovalRouting {

    private final ApprovalDelegationRepository delegations;
    private final MemberDirectory members;

    ApprovalRouting(ApprovalDelegationRepository delegations, MemberDirectory members) {
        this.delegations = delegations;
        this.members = members;
    }

    /** The identities a member acts as right now: themselves, then each member who delegated to them. */
    Routing forActor(Actor actor, Instant now) {
        List<Identity> identities = new ArrayList<>();
        identities.add(new Identity(actor.userId(), actor.role(), actor.displayName(), null));
        for (ApprovalDelegation delegation : delegations.findByDelegateIdAndRevokedAtIsNull(actor.userId())) {
            if (delegation.activeAt(now)) {
                members.find(delegation.getDelegatorId()).ifPresent(delegator -> identities.add(new Identity(
                        delegator.userId(), delegator.role(), delegator.displayName(), actor.displayName())));
            }
        }
        return new Routing(actor.userId(), identities);
    }

    /** @param delegateName set when this identity is borrowed through a delegation */
    record Identity(UUID userId, Role role, String name, String delegateName) {
    }

    record Routing(UUID actorId, List<Identity> identities) {

        /** The voter the member acts as on this approval's current stage, if it is routed to them at all. */
        Optional<Voter> voterFor(Approval approval) {
            if (!approval.getState().open()) {
                return Optional.empty();
            }
            StageRule stage = approval.currentStage();
            boolean escalated = approval.getEscalatedAt() != null;
            for (Identity identity : identities) {
                if (identity.role() == Role.VIEWER) {
                    continue;
                }
                if (stage.routes(identity.userId(), identity.role())
                        || (escalated && stage.escalatesTo(identity.userId(), identity.role()))) {
                    return Optional.of(identity.delegateName() == null
                            ? Voter.member(identity.userId(), identity.name())
                            : Voter.delegate(actorId, identity.delegateName(), identity.userId(), identity.name()));
                }
            }
            return Optional.empty();
        }

        /** Whether any stage of the approval routes to the member (so they may comment on it). */
        boolean involved(Approval approval) {
            return approval.getStages().stream().anyMatch(stage -> identities.stream()
                    .anyMatch(identity -> stage.routes(identity.userId(), identity.role())));
        }
    }
}
