package io.flightdeck.notifications.domain;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalAudience;
import io.flightdeck.approvals.ApprovalCommentPosted;
import io.flightdeck.approvals.ApprovalDecided;
import io.flightdeck.approvals.ApprovalDecisions;
import io.flightdeck.approvals.ApprovalDueSoon;
import io.flightdeck.approvals.ApprovalEscalated;
import io.flightdeck.approvals.ApprovalStageOpened;
import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.Text;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Approvals' events as notifications: a stage that opens tells whoever may decide it (delegates included), and so
 * does its deadline drawing near (those who have not voted yet), a decision tells the requester and the campaign's
 * owner, an escalation tells the approvers and the escalation targets,
 * members @mentioned in a review comment hear of it, and the rest of the discussion (the requester and the deciders)
 * hears of each comment.
 */
@Component
class ApprovalTriggers {

    private final Notifier notifier;
    private final OncePerEvent once;
    private final MemberDirectory members;
    private final CampaignDirectory campaigns;
    private final ApprovalAudience audience;
    private final ApprovalDecisions decisions;

    ApprovalTriggers(Notifier notifier, OncePerEvent once, MemberDirectory members, CampaignDirectory campaigns,
            ApprovalAudience audience, ApprovalDecisions decisions) {
        this.decisions = decisions;
        this.notifier = notifier;
        this.once = once;
        this.members = members;
        this.campaigns = campaigns;
        this.audience = audience;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ApprovalStageOpened event) {
        TenantScope.run(event.workspaceId(), () -> once.run(() -> audience.of(event.approvalId()).ifPresent(people -> {
            String due = event.dueAt() == null ? "" : ", due " + DateTimeFormatter.ISO_LOCAL_DATE.format(
                    event.dueAt().atZone(ZoneOffset.UTC));
            NotificationDraft draft = NotificationDraft.of("approval-stage:" + event.approvalId() + ":" + event.stage()
                            + ":" + event.at().toEpochMilli(), NotificationTrigger.APPROVAL_REQUESTED,
                    "Approval needed: " + people.title(), "/approvals/" + event.approvalId(),
                    "You may decide the " + event.stage() + " stage" + due, "approval", event.approvalId(),
                    event.campaignId(), people.requesterId())
                    .withBody("Requested by " + name(people.requesterId()) + " in " + campaign(event.campaignId())
                            + decisions.round(event.approvalId()).map(ApprovalDecisions.Round::about)
                                    .map(about -> ". " + cut(about)).orElse(""))
                    .withDue(event.dueAt());
            notifier.notify(draft, people.approvers());
        })));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ApprovalDecided event) {
        if (event.state() == null || event.state() == ApprovalState.PENDING) {
            return; // a stage passed, the approval goes on: the next stage's opening tells its approvers
        }
        TenantScope.run(event.workspaceId(), () -> once.run(() -> audience.of(event.approvalId()).ifPresent(people -> {
            Set<UUID> to = new HashSet<>();
            to.add(people.requesterId());
            campaigns.find(event.campaignId()).map(CampaignSnapshot::ownerId).ifPresent(to::add);
            String outcome = switch (event.state()) {
                case APPROVED -> "Approved";
                case REJECTED -> "Rejected";
                default -> "Changes requested";
            };
            notifier.notify(NotificationDraft.of("approval-decided:" + event.approvalId() + ":"
                            + event.state() + ":" + event.at().toEpochMilli(), NotificationTrigger.APPROVAL_DECIDED,
                    outcome + ": " + people.title() + " (by " + name(event.actorId()) + ")",
                    "/approvals/" + event.approvalId(), "You requested this approval or own its campaign",
                    "approval", event.approvalId(), event.campaignId(), event.actorId()), to);
        })));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ApprovalDueSoon event) {
        TenantScope.run(event.workspaceId(), () -> once.run(() -> audience.of(event.approvalId()).ifPresent(people -> {
            Set<UUID> to = new HashSet<>(people.approvers());
            to.removeAll(people.votedInStage());
            notifier.notify(NotificationDraft.of("approval-due-soon:" + event.approvalId() + ":" + event.stage() + ":"
                            + event.dueAt().toEpochMilli(), NotificationTrigger.APPROVAL_DUE_SOON,
                    "Due soon: " + people.title(), "/approvals/" + event.approvalId(),
                    "You may decide the " + event.stage() + " stage and have not yet", "approval", event.approvalId(),
                    event.campaignId(), null)
                    .withBody("Due " + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(event.dueAt().atZone(ZoneOffset.UTC)
                            .withNano(0)) + " UTC, in " + campaign(event.campaignId()))
                    .withDue(event.dueAt()), to);
        })));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ApprovalEscalated event) {
        TenantScope.run(event.workspaceId(), () -> once.run(() -> audience.of(event.approvalId()).ifPresent(people -> {
            Set<UUID> to = new HashSet<>(people.approvers());
            to.addAll(people.escalationTargets());
            notifier.notify(NotificationDraft.of("approval-escalated:" + event.approvalId() + ":"
                            + event.stage() + ":" + event.at().toEpochMilli(), NotificationTrigger.APPROVAL_ESCALATED,
                    "Overdue and escalated: " + people.title(), "/approvals/" + event.approvalId(),
                    "The " + event.stage() + " stage is past its deadline, and you may decide it", "approval",
                    event.approvalId(), event.campaignId(), null), to);
        })));
    }

    private String name(UUID memberId) {
        return memberId == null ? "Flightdeck" : members.find(memberId).map(MemberSummary::displayName).orElse("a former member");
    }

    /** What is under review, short enough for a notification's body (2,000 characters with the rest). */
    private static String cut(String about) {
        return Text.cut(about, 1_500);
    }

    private String campaign(UUID campaignId) {
        return campaigns.find(campaignId).map(CampaignSnapshot::name).orElse("a campaign");
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ApprovalCommentPosted event) {
        TenantScope.run(event.workspaceId(), () -> once.run(() -> {
            mentioned(event);
            discussed(event);
        }));
    }

    /**
     * The requester and whoever may decide the stage now hear of a comment (a change request with more weight), but
     * not its author, nor those it @mentions (they hear of the mention).
     */
    private void discussed(ApprovalCommentPosted event) {
        audience.of(event.approvalId()).ifPresent(people -> {
            Set<UUID> to = new HashSet<>(people.approvers());
            to.add(people.requesterId());
            if (event.mentionedUserIds() != null) {
                to.removeAll(event.mentionedUserIds());
            }
            String author = name(event.authorId());
            NotificationDraft draft = NotificationDraft.of("approval-discussion:" + event.commentId(),
                    NotificationTrigger.APPROVAL_COMMENT, (event.changeRequest() ? author + " asked for changes to "
                            : author + " commented on ") + people.title(), "/approvals/" + event.approvalId(),
                    "You requested this approval or may decide it", "approval", event.approvalId(),
                    event.campaignId(), event.authorId());
            notifier.notify(event.changeRequest() ? draft.withPriority(NotificationPriority.HIGH) : draft, to);
        });
    }

    private void mentioned(ApprovalCommentPosted event) {
        if (event.mentionedUserIds() == null || event.mentionedUserIds().isEmpty()) {
            return;
        }
        String author = members.find(event.authorId()).map(MemberSummary::displayName).orElse("Someone");
        String campaign = campaigns.find(event.campaignId()).map(CampaignSnapshot::name).orElse("a campaign");
        notifier.notify(NotificationDraft.of("approval-comment:" + event.commentId(),
                NotificationTrigger.COMMENT_MENTION, author + " mentioned you in a review of " + campaign,
                "/approvals/" + event.approvalId(), "You were @mentioned in a comment",
                "approval", event.approvalId(), event.campaignId(), event.authorId()), event.mentionedUserIds());
    }
}
