package io.flightdeck.approvals.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.flightdeck.approvals.ApprovalDecided;
import io.flightdeck.approvals.ApprovalEscalated;
import io.flightdeck.approvals.ApprovalGate;
import io.flightdeck.approvals.ApprovalItems;
import io.flightdeck.approvals.ApprovalStageOpened;
import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.approvals.ItemSubmission;
import io.flightdeck.approvals.PublishBlocker;
import io.flightdeck.approvals.PublishCheck;
import io.flightdeck.approvals.Urgency;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.strategy.StrategyDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval engine: one for campaign scopes and for single items. Opens approvals, counts votes per stage until a
 * stage's quorum completes it, moves through the state machine, sends dependents back for review when the strategy
 * changes, escalates overdue stages and applies auto-approval rules. Every move is written to the history.
 */
@Service
@Transactional
public class Approvals implements ApprovalGate, ApprovalItems {

    static final Set<ApprovalState> OPEN = EnumSet.of(ApprovalState.PENDING, ApprovalState.NEEDS_REVIEW);
    private static final int INBOX_SCAN_LIMIT = 2_000;
    private static final int REASON_MAX = 2_000;

    private final ApprovalRepository approvals;
    private final ApprovalVoteRepository votes;
    private final ApprovalHistoryRepository history;
    private final ApprovalCommentRepository comments;
    private final ApprovalConfiguration configuration;
    private final ApprovalRouting routing;
    private final CampaignDirectory campaigns;
    private final StrategyDirectory strategies;
    private final ApprovalViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Approvals(ApprovalRepository approvals, ApprovalVoteRepository votes, ApprovalHistoryRepository history,
            ApprovalCommentRepository comments, ApprovalConfiguration configuration, ApprovalRouting routing,
            CampaignDirectory campaigns, StrategyDirectory strategies, ApprovalViews views,
            ApplicationEventPublisher events, Clock clock) {
        this.approvals = approvals;
        this.votes = votes;
        this.history = history;
        this.comments = comments;
        this.configuration = configuration;
        this.routing = routing;
        this.campaigns = campaigns;
        this.strategies = strategies;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public CampaignApprovals forCampaign(UUID campaignId) {
        requireCampaign(campaignId);
        Map<String, Approval> byScope = scopeApprovals(campaignId);
        List<Approval> shown = new ArrayList<>();
        List<CampaignApprovals.ScopeSummary> notStarted = new ArrayList<>();
        for (ApprovalScope scope : configuration.scopeRows()) {
            Approval approval = byScope.get(scope.getKey());
            if (approval != null) {
                shown.add(approval);
            } else if (scope.isEnabled()) {
                notStarted.add(new CampaignApprovals.ScopeSummary(scope.getKey(), scope.getName()));
            }
        }
        return new CampaignApprovals(campaignId, views.of(shown), notStarted);
    }

    @Transactional(readOnly = true)
    public ApprovalView get(UUID approvalId) {
        return views.of(List.of(live(approvalId))).get(0);
    }

    /** The approval of a campaign's scope, e.g. {@code content}. */
    @Transactional(readOnly = true)
    public UUID scopeApprovalId(UUID campaignId, String scopeKey) {
        // the tenant filter keeps this to the workspace; a trashed campaign is refused by whatever the id is used for
        return approvals.findByCampaignIdAndScopeKeyAndSubjectKey(campaignId, scopeKey, Approval.SCOPE_SUBJECT)
                .map(Approval::getId)
                .orElseThrow(() -> new NotFoundException("The approval scope '" + scopeKey + "' of this campaign"));
    }

    /** Single items of a campaign under review, newest first. */
    @Transactional(readOnly = true)
    public Page<ApprovalView> items(UUID campaignId, Pageable pageable) {
        requireCampaign(campaignId);
        Page<Approval> page = approvals.findByCampaignIdAndItemTypeIsNotNull(campaignId, pageable);
        return new PageImpl<>(views.of(page.getContent()), pageable, page.getTotalElements());
    }

    /** What waits for the signed-in member (routed to them, by delegation or escalation), overdue first. */
    @Transactional(readOnly = true)
    public Page<ApprovalView> inbox(Pageable pageable) {
        Actor actor = CurrentActor.require();
        ApprovalRouting.Routing routes = routing.forActor(actor, clock.instant());
        List<Approval> open = approvals.findOpen(OPEN, PageRequest.of(0, INBOX_SCAN_LIMIT));
        Map<UUID, List<ApprovalVote>> stageVotes = views.currentStageVotes(open);
        List<Approval> routed = open.stream()
                .filter(a -> routes.voterFor(a).filter(v -> !v.votedIn(stageVotes.get(a.getId()))).isPresent())
                .toList();
        // a trashed campaign's approvals wait for its restore; opening them would answer 404
        Set<UUID> live = campaigns.findAll(routed.stream().map(Approval::getCampaignId).collect(Collectors.toSet()))
                .keySet();
        List<Approval> mine = routed.stream().filter(a -> live.contains(a.getCampaignId())).toList();
        int from = (int) Math.min(pageable.getOffset(), mine.size());
        int to = Math.min(from + pageable.getPageSize(), mine.size());
        return new PageImpl<>(views.of(mine.subList(from, to)), pageable, mine.size());
    }

    @Transactional(readOnly = true)
    public Page<HistoryView> history(UUID approvalId, Pageable pageable) {
        live(approvalId);
        return history.findByApprovalIdOrderByOccurredAtDescIdDesc(approvalId, pageable).map(h -> new HistoryView(
                h.getId(), h.getKind().name(), h.getKind().verb(), h.getFromState(), h.getToState(), h.getStageName(),
                h.getStageIndex() == null ? null : h.getStageIndex() + 1, h.getActorId(), h.getActorLabel(),
                h.getComment(), h.getOccurredAt()));
    }

    // ---- the gate

    @Override
    @Transactional(readOnly = true)
    public PublishCheck check(UUID campaignId) {
        requireCampaign(campaignId);
        return check(campaignId, configuration.scopeRows());
    }

    /** The gate for a campaign known to exist, against the given scopes of its workspace. */
    PublishCheck check(UUID campaignId, List<ApprovalScope> scopes) {
        Map<String, Approval> byScope = scopeApprovals(campaignId);
        List<PublishBlocker> blockers = new ArrayList<>();
        for (ApprovalScope scope : scopes) {
            if (!scope.isEnabled()) {
                continue;
            }
            Approval approval = byScope.get(scope.getKey());
            if (approval == null) {
                blockers.add(new PublishBlocker(scope.getKey(), scope.getName(), "NOT_STARTED", null, null,
                        scope.getStages().size(), scope.getName() + " approval has not been requested"));
            } else if (approval.getState() != ApprovalState.APPROVED) {
                StageRule stage = approval.currentStage();
                blockers.add(new PublishBlocker(scope.getKey(), scope.getName(), approval.getState().name(), stage.name(),
                        approval.getStageIndex() + 1, approval.getStages().size(), scope.getName() + " is "
                        + approval.getState().label().toLowerCase() + (approval.getState().open()
                                ? ", waiting in stage " + (approval.getStageIndex() + 1) + " (" + stage.name() + ")" : "")));
            }
        }
        return new PublishCheck(campaignId, blockers.isEmpty(), blockers);
    }

    @Override
    @Transactional(readOnly = true)
    public void requireApproved(UUID campaignId) {
        PublishCheck check = check(campaignId);
        if (!check.ready()) {
            throw new ConflictException("approval-required", "Not every approval scope is approved: "
                    + check.blockers().stream().map(PublishBlocker::scopeName).collect(Collectors.joining(", ")),
                    Map.of("blockers", check.blockers()));
        }
    }

    // ---- opening

    /** Opens an approval for every enabled scope the campaign does not have yet; the ones it has stay as they are. */
    public CampaignApprovals initialize(UUID campaignId, Urgency urgency) {
        CampaignSnapshot campaign = requireCampaign(campaignId);
        Actor actor = CurrentActor.require();
        if (!actor.role().includes(Role.CONTRIBUTOR)) {
            throw new AccessDeniedException("Only contributors and up can ask for approvals");
        }
        Urgency level = urgency != null ? urgency : Urgency.of(campaign.priority());
        Map<String, Approval> existing = scopeApprovals(campaignId);
        Instant now = clock.instant();
        Instant due = now.plus(configuration.settingsRow().allowed(level));
        int strategyVersion = strategies.currentVersion(campaignId).orElse(0);
        Voter requester = Voter.member(actor.userId(), actor.displayName());
        for (ApprovalScope scope : configuration.scopeRows()) {
            if (scope.isEnabled() && !existing.containsKey(scope.getKey())) {
                open(Approval.forScope(campaignId, scope, level, actor.userId(), now), due, strategyVersion, requester, now);
            }
        }
        return forCampaign(campaignId);
    }

    @Override
    public UUID submit(ItemSubmission submission) {
        CampaignSnapshot campaign = requireCampaign(submission.campaignId());
        ApprovalScope scope = configuration.scopeRow(submission.scopeKey()).filter(ApprovalScope::isEnabled)
                .orElseThrow(() -> new InvalidInputException("scope", "no enabled scope '" + submission.scopeKey() + "'"));
        if (submission.itemType() == null || submission.itemId() == null || submission.title() == null
                || submission.title().isBlank()) {
            throw new InvalidInputException("itemType", "an item needs a type, an id and a title");
        }
        Voter requester = CurrentActor.find().map(a -> Voter.member(a.userId(), a.displayName()))
                .orElse(Voter.system("Flightdeck"));
        Urgency urgency = submission.urgency() != null ? submission.urgency() : Urgency.of(campaign.priority());
        Instant now = clock.instant();
        String subject = submission.itemType() + ":" + submission.itemId();
        String title = submission.title().strip();
        Optional<Approval> existing = approvals.findByCampaignIdAndScopeKeyAndSubjectKey(campaign.id(), scope.getKey(), subject);
        if (existing.isPresent()) {
            Approval approval = existing.get();
            ApprovalState from = approval.getState();
            approval.rename(title.length() > 200 ? title.substring(0, 200) : title);
            approval.restart(from == ApprovalState.PENDING ? ApprovalState.PENDING : ApprovalState.NEEDS_REVIEW,
                    scope.getStages(), now, due(urgency, now));
            record(approval, HistoryKind.RESUBMITTED, from, requester, null, now);
            stageOpened(approval, now);
            return approval.getId();
        }
        Approval approval = Approval.forItem(campaign.id(), scope, submission.itemType(), submission.itemId(),
                title.length() > 200 ? title.substring(0, 200) : title, submission.wordCount(), urgency,
                requester.userId(), now);
        open(approval, due(urgency, now), strategies.currentVersion(campaign.id()).orElse(0), requester, now);
        return approval.getId();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ApprovalState> stateOf(String itemType, UUID itemId) {
        return approvals.findFirstByItemTypeAndItemId(itemType, itemId).map(Approval::getState);
    }

    // ---- acting

    public ApprovalView approve(UUID approvalId, String comment) {
        Approval approval = live(approvalId);
        requireOpen(approval, "approve");
        List<ApprovalVote> stageVotes = stageVotes(approval);
        Voter voter = voterFor(approval, stageVotes);
        return approve(approval, voter, clean(comment, "comment"), stageVotes);
    }

    public ApprovalView reject(UUID approvalId, String reason) {
        Approval approval = live(approvalId);
        String why = clean(reason, "reason");
        if (why == null) {
            throw new InvalidInputException("reason", "must say why it is rejected, so the requester can address it");
        }
        requireOpen(approval, "reject");
        return reject(approval, voterFor(approval, stageVotes(approval)), why);
    }

    /** The requester addressed the feedback: the rejected approval goes back to review from its first stage. */
    public ApprovalView requestReview(UUID approvalId, String comment) {
        Approval approval = live(approvalId);
        Actor actor = CurrentActor.require();
        if (!actor.role().includes(Role.CONTRIBUTOR) && !actor.userId().equals(approval.getRequestedBy())) {
            throw new AccessDeniedException("Only a contributor or the requester can ask for another review");
        }
        if (approval.getState() != ApprovalState.REJECTED) {
            throw new IllegalApprovalTransition(approval.getState(), "request review of");
        }
        Instant now = clock.instant();
        List<StageRule> stages = configuration.scopeRow(approval.getScopeKey()).map(ApprovalScope::getStages)
                .orElse(approval.getStages());
        approval.reopenAfterRejection(stages, now, due(approval.getUrgency(), now));
        record(approval, HistoryKind.REVIEW_REQUESTED, ApprovalState.REJECTED,
                Voter.member(actor.userId(), actor.displayName()), clean(comment, "comment"), now);
        stageOpened(approval, now);
        return views.of(List.of(approval)).get(0);
    }

    /** An external reviewer's decision through a reviewer link; it counts as one approver of the current stage. */
    ApprovalView decideExternally(Approval approval, Voter reviewer, boolean approve, String text) {
        requireOpen(approval, approve ? "approve" : "reject");
        List<ApprovalVote> stageVotes = stageVotes(approval);
        if (reviewer.votedIn(stageVotes)) {
            throw new ConflictException("already-decided", "You already decided on this stage");
        }
        if (approve) {
            return approve(approval, reviewer, text, stageVotes);
        }
        if (text == null) {
            throw new InvalidInputException("reason", "must say why it is rejected");
        }
        return reject(approval, reviewer, text);
    }

    // ---- reactions and jobs

    /**
     * The campaign's strategy changed to {@code version}: its strategy scope goes back to pending (the new version needs
     * approval) and every scope that follows the strategy to needs_review. A first version only reopens a decided
     * strategy scope. Idempotent per version.
     */
    public int strategyChanged(UUID campaignId, int version, boolean firstVersion, boolean invalidated) {
        Instant now = clock.instant();
        ApprovalSettings settings = configuration.settingsRow();
        Map<String, ApprovalScope> scopes = configuration.scopeRows().stream()
                .collect(Collectors.toMap(ApprovalScope::getKey, Function.identity()));
        int moved = 0;
        for (Approval approval : approvals.findByCampaignIdAndSubjectKey(campaignId, Approval.SCOPE_SUBJECT)) {
            if (approval.followed(version, invalidated)) {
                continue;
            }
            ApprovalScope scope = scopes.get(approval.getScopeKey());
            boolean isStrategy = ApprovalScope.STRATEGY.equals(approval.getScopeKey());
            boolean follows = scope != null ? scope.isFollowsStrategy() : !isStrategy;
            ApprovalState target;
            if (isStrategy) {
                target = invalidated ? ApprovalState.NEEDS_REVIEW : ApprovalState.PENDING;
                if (firstVersion && approval.getState() == ApprovalState.PENDING) {
                    approval.follow(version, invalidated);
                    continue;
                }
            } else if (follows && !firstVersion) {
                target = ApprovalState.NEEDS_REVIEW;
            } else {
                approval.follow(version, invalidated);
                continue;
            }
            ApprovalState from = approval.getState();
            List<StageRule> stages = scope != null ? scope.getStages() : approval.getStages();
            approval.restart(target, stages, now, now.plus(settings.allowed(approval.getUrgency())));
            approval.follow(version, invalidated);
            record(approval, HistoryKind.CASCADED, from, Voter.system("Strategy version " + version),
                    invalidated ? "Strategy version " + version + " was invalidated" : "Strategy revised to version " + version, now);
            stageOpened(approval, now);
            moved++;
        }
        return moved;
    }

    /** Hands every overdue, not yet escalated stage to its escalation target. Returns how many it escalated. */
    public int escalateOverdue() {
        Instant now = clock.instant();
        int escalated = 0;
        for (Approval approval : approvals.findOverdueNotEscalated(OPEN, now)) {
            StageRule stage = approval.currentStage();
            approval.escalated(now);
            record(approval, HistoryKind.ESCALATED, approval.getState(), Voter.system("Deadline"),
                    "Overdue since " + approval.getDueAt() + "; handed to " + stage.escalationLabel(), now);
            events.publishEvent(new ApprovalEscalated(TenantScope.require(), approval.getId(), approval.getCampaignId(),
                    approval.getScopeKey(), stage.name(), stage.escalationLabel(), now));
            escalated++;
        }
        return escalated;
    }

    /** Approves open approvals that an enabled auto-approval rule matches. Returns how many it approved. */
    public int applyAutoRules() {
        List<AutoApprovalRule> rules = configuration.enabledRules();
        if (rules.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Approval> open = approvals.findOpen(OPEN, PageRequest.of(0, INBOX_SCAN_LIMIT));
        Map<UUID, CampaignSnapshot> campaignsById = campaigns.findAll(
                open.stream().map(Approval::getCampaignId).collect(Collectors.toSet()));
        int approved = 0;
        for (Approval approval : open) {
            CampaignSnapshot campaign = campaignsById.get(approval.getCampaignId());
            CampaignPriority priority = campaign == null ? null : campaign.priority();
            Optional<AutoApprovalRule> rule = rules.stream().filter(r -> r.matches(approval, priority, now)).findFirst();
            if (rule.isPresent()) {
                ApprovalState from = approval.getState();
                approval.approve(now);
                Voter system = Voter.system("Auto-approval rule '" + rule.get().getName() + "'");
                record(approval, HistoryKind.AUTO_APPROVED, from, system, null, now);
                decided(approval, null, now);
                approved++;
            }
        }
        return approved;
    }

    // ---- internals

    Approval live(UUID approvalId) {
        Approval approval = approvals.findById(approvalId).orElseThrow(() -> new NotFoundException("The approval"));
        if (campaigns.find(approval.getCampaignId()).isEmpty()) {
            throw new NotFoundException("The approval");
        }
        return approval;
    }

    /** @param stageVotes the current stage's votes before this one */
    private ApprovalView approve(Approval approval, Voter voter, String comment, List<ApprovalVote> stageVotes) {
        Instant now = clock.instant();
        ApprovalVote vote = votes.save(new ApprovalVote(approval, voter, ApprovalVote.Decision.APPROVE, comment, now));
        StageRule stage = approval.currentStage();
        long approvals = Stream.concat(stageVotes.stream(), Stream.of(vote))
                .filter(v -> v.getDecision() == ApprovalVote.Decision.APPROVE).map(ApprovalVote::countsAs)
                .distinct().count();
        ApprovalState from = approval.getState();
        if (approvals < stage.requiredApprovals()) {
            approval.voted(now);
            record(approval, HistoryKind.APPROVED_STAGE, from, voter,
                    withNote(comment, approvals + " of " + stage.requiredApprovals() + " approvals in " + stage.name()), now);
        } else if (!approval.isLastStage()) {
            record(approval, HistoryKind.STAGE_COMPLETED, from, voter, withNote(comment, stage.name() + " complete"), now);
            approval.nextStage(now, due(approval.getUrgency(), now));
            stageOpened(approval, now);
        } else {
            approval.approve(now);
            record(approval, HistoryKind.APPROVED, from, voter, comment, now);
            decided(approval, voter.userId(), now);
        }
        return views.of(List.of(approval)).get(0);
    }

    private ApprovalView reject(Approval approval, Voter voter, String reason) {
        Instant now = clock.instant();
        votes.save(new ApprovalVote(approval, voter, ApprovalVote.Decision.REJECT, reason, now));
        ApprovalState from = approval.getState();
        approval.reject(reason, now);
        record(approval, HistoryKind.REJECTED, from, voter, reason, now);
        // the reason opens the change-request thread the requester answers before asking for another review
        comments.save(new ApprovalComment(approval.getId(), null, voter, ApprovalComment.Kind.CHANGE_REQUEST, reason,
                List.of(), now));
        decided(approval, voter.userId(), now);
        return views.of(List.of(approval)).get(0);
    }

    private List<ApprovalVote> stageVotes(Approval approval) {
        return votes.findByApprovalIdAndCycleAndStageIndex(approval.getId(), approval.getCycle(), approval.getStageIndex());
    }

    private Voter voterFor(Approval approval, List<ApprovalVote> stageVotes) {
        Actor actor = CurrentActor.require();
        ApprovalRouting.Routing routes = routing.forActor(actor, clock.instant());
        Voter voter = routes.voterFor(approval).orElseThrow(() -> new AccessDeniedException(
                "Stage " + (approval.getStageIndex() + 1) + " (" + approval.currentStage().name() + ") is routed to "
                        + approval.currentStage().approverLabel() + ", not to you"));
        if (voter.votedIn(stageVotes)) {
            throw new ConflictException("already-decided", "You already approved stage " + (approval.getStageIndex() + 1)
                    + "; it waits for other approvers");
        }
        return voter;
    }

    private void requireOpen(Approval approval, String action) {
        if (!approval.getState().open()) {
            throw new IllegalApprovalTransition(approval.getState(), action);
        }
    }

    /**
     * @param strategyVersion the campaign's current strategy version: the approval is reviewed against it, so a late
     *                        event for this same version does not reopen it
     */
    private void open(Approval approval, Instant due, int strategyVersion, Voter requester, Instant now) {
        approval.openStage(now, due);
        approval.follow(strategyVersion, false);
        approvals.save(approval);
        record(approval, HistoryKind.REQUESTED, null, requester, null, now);
        stageOpened(approval, now);
    }

    private Instant due(Urgency urgency, Instant from) {
        return from.plus(configuration.settingsRow().allowed(urgency));
    }

    private void record(Approval approval, HistoryKind kind, ApprovalState from, Voter actor, String comment, Instant now) {
        history.save(new ApprovalHistoryEntry(approval, kind, from, actor, comment, now));
    }

    private void stageOpened(Approval approval, Instant now) {
        events.publishEvent(new ApprovalStageOpened(TenantScope.require(), approval.getId(), approval.getCampaignId(),
                approval.getScopeKey(), approval.currentStage().name(), approval.getDueAt(), now));
    }

    private void decided(Approval approval, UUID actorId, Instant now) {
        events.publishEvent(new ApprovalDecided(TenantScope.require(), approval.getId(), approval.getCampaignId(),
                approval.getScopeKey(), approval.getItemType(), approval.getItemId(), approval.getState(), actorId, now));
    }

    private CampaignSnapshot requireCampaign(UUID campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
    }

    private Map<String, Approval> scopeApprovals(UUID campaignId) {
        return approvals.findByCampaignIdAndSubjectKey(campaignId, Approval.SCOPE_SUBJECT).stream()
                .collect(Collectors.toMap(Approval::getScopeKey, Function.identity()));
    }

    private static String clean(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > REASON_MAX) {
            throw new InvalidInputException(field, "must be at most " + REASON_MAX + " characters");
        }
        return stripped;
    }

    private static String withNote(String comment, String note) {
        return comment == null ? note : comment + " (" + note + ")";
    }
}
