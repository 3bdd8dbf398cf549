package io.flightdeck.approvals.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalAudience;
import io.flightdeck.approvals.ApprovalPeople;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people of an approval's current stage, by the same routing and delegation rules its votes go by. */
@Service
class ApprovalAudiences implements ApprovalAudience {

    private final ApprovalRepository approvals;
    private final ApprovalDelegationRepository delegations;
    private final MemberDirectory members;
    private final ApprovalVoteRepository votes;
    private final Clock clock;

    ApprovalAudiences(ApprovalRepository approvals, ApprovalVoteRepository votes,
            ApprovalDelegationRepository delegations, MemberDirectory members, Clock clock) {
        this.approvals = approvals;
        this.votes = votes;
        this.delegations = delegations;
        this.members = members;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ApprovalPeople> of(UUID approvalId) {
        return approvals.findById(approvalId).map(approval -> {
            Set<UUID> approvers = new LinkedHashSet<>();
            Set<UUID> escalation = new LinkedHashSet<>();
            Set<UUID> voted = new LinkedHashSet<>();
            if (approval.getState().open()) {
                votes.findByApprovalIdAndCycleAndStageIndex(approval.getId(), approval.getCycle(), approval.getStageIndex())
                        .stream().map(ApprovalVote::getVoterId).filter(java.util.Objects::nonNull).forEach(voted::add);
                StageRule stage = approval.currentStage();
                for (MemberSummary member : members.members()) {
                    if (member.role() == Role.VIEWER) {
                        continue;
                    }
                    if (stage.routes(member.userId(), member.role())) {
                        approvers.add(member.userId());
                    }
                    if (approval.getEscalatedAt() != null && stage.escalatesTo(member.userId(), member.role())) {
                        escalation.add(member.userId());
                    }
                }
                approvers.addAll(delegatesOf(approvers, clock.instant()));
                escalation.addAll(delegatesOf(escalation, clock.instant()));
            }
            return new ApprovalPeople(approval.getId(), approval.getCampaignId(), approval.getTitle(),
                    approval.getState().open() ? approval.currentStage().name() : null, approval.getDueAt(),
                    approval.getRequestedBy(), Set.copyOf(approvers), Set.copyOf(escalation), Set.copyOf(voted));
        });
    }

    /** Members acting for the given ones right now, in one query. */
    private Set<UUID> delegatesOf(Set<UUID> delegators, Instant now) {
        if (delegators.isEmpty()) {
            return Set.of();
        }
        Set<UUID> delegates = new LinkedHashSet<>();
        delegations.findByDelegatorIdInAndRevokedAtIsNull(delegators).stream().filter(d -> d.activeAt(now))
                .forEach(d -> delegates.add(d.getDelegateId()));
        return delegates;
    }
}
