package io.flightdeck.approvals.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.stereotype.Component;

/**
 * Turns approvals into what the API and pages show: stage progress, the votes counted in the current stage, the
 * deadline, and the actions the signed-in member may take. Loads the votes of a whole list in one query.
 */
@Component
class ApprovalViews {

    private final ApprovalVoteRepository votes;
    private final ApprovalRouting routing;
    private final ApprovalSettingsRepository settings;
    private final Clock clock;

    ApprovalViews(ApprovalVoteRepository votes, ApprovalRouting routing, ApprovalSettingsRepository settings, Clock clock) {
        this.votes = votes;
        this.routing = routing;
        this.settings = settings;
        this.clock = clock;
    }

    /** The votes of each approval's current stage and cycle, in one query. */
    Map<UUID, List<ApprovalVote>> currentStageVotes(Collection<Approval> list) {
        if (list.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Approval> byId = list.stream().collect(Collectors.toMap(Approval::getId, Function.identity()));
        return votes.findByApprovalIdIn(byId.keySet()).stream()
                .filter(v -> {
                    Approval a = byId.get(v.getApprovalId());
                    return v.getCycle() == a.getCycle() && v.getStageIndex() == a.getStageIndex();
                })
                .collect(Collectors.groupingBy(ApprovalVote::getApprovalId));
    }

    List<ApprovalView> of(List<Approval> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        ApprovalRouting.Routing routes = CurrentActor.find().map(actor -> routing.forActor(actor, now)).orElse(null);
        Map<UUID, List<ApprovalVote>> stageVotes = currentStageVotes(list);
        boolean separate = routes != null && settings.findFirstBy().map(ApprovalSettings::separatesDuties).orElse(true);
        Set<UUID> seen = new HashSet<>();
        List<ApprovalView> views = new ArrayList<>();
        for (Approval a : list) {
            if (!seen.add(a.getId())) {
                continue;
            }
            List<ApprovalVote> current = stageVotes.getOrDefault(a.getId(), List.of());
            int counted = (int) current.stream().filter(v -> v.getDecision() == ApprovalVote.Decision.APPROVE)
                    .map(ApprovalVote::countsAs).distinct().count();
            List<String> actions = actions(a, routes, current);
            String approveNote = null;
            if (separate && actions.contains("approve") && routes.actorId().equals(a.getRequestedBy())) {
                actions.remove("approve");
                approveNote = ApprovalRefused.ownRequest().getMessage();
            }
            views.add(view(a, counted, actions, approveNote, now));
        }
        return views;
    }

    private static List<String> actions(Approval a, ApprovalRouting.Routing routes, List<ApprovalVote> current) {
        if (routes == null) {
            return List.of();
        }
        List<String> actions = new ArrayList<>();
        routes.voterFor(a).filter(voter -> !voter.votedIn(current)).ifPresent(voter -> {
            actions.add("approve");
            actions.add("reject");
        });
        if (a.getState() == ApprovalState.REJECTED) {
            Actor actor = CurrentActor.require();
            if (actor.role().includes(Role.CONTRIBUTOR) || actor.userId().equals(a.getRequestedBy())) {
                actions.add("request-review");
            }
        }
        return actions;
    }

    private static ApprovalView view(Approval a, int counted, List<String> actions, String approveNote, Instant now) {
        StageRule stage = a.currentStage();
        List<StageRule> stages = a.getStages();
        List<ApprovalView.StageView> stageViews = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            String status = a.getState() == ApprovalState.APPROVED || i < a.getStageIndex() ? "done"
                    : i == a.getStageIndex() ? (a.getState() == ApprovalState.REJECTED ? "rejected" : "current") : "waiting";
            StageRule s = stages.get(i);
            stageViews.add(new ApprovalView.StageView(s.name(), s.approverLabel(), s.requiredApprovals(), status));
        }
        boolean overdue = a.getState().open() && a.getDueAt() != null && now.isAfter(a.getDueAt());
        return new ApprovalView(a.getId(), a.getCampaignId(), a.getScopeKey(), a.getScopeName(), a.getItemType(),
                a.getItemId(), a.getTitle(), a.getState(), a.getStageIndex() + 1, stages.size(), stage.name(),
                stage.approverLabel(), counted, stage.requiredApprovals(), stageViews, a.getUrgency(),
                a.getState().open() ? a.getDueAt() : null, overdue, a.getEscalatedAt(),
                a.getEscalatedAt() != null ? stage.escalationLabel() : null, a.getRejectionReason(), a.getRequestedBy(),
                a.getDecidedAt(), a.getUpdatedAt(), a.getVersion() == null ? 0 : a.getVersion(), actions, approveNote);
    }
}
