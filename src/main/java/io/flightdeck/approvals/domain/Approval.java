package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.approvals.Urgency;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One thing under review: a campaign's scope, or a single item submitted into a scope. It carries a copy of the
 * scope's stages taken when its current cycle began, so editing the workspace's routing never changes a review in
 * flight. A cycle is one pass through the stages; a rejection, a re-review or a cascade starts the next.
 */
@Entity
@Table(name = "approvals")
class Approval extends TenantOwnedEntity {

    static final String SCOPE_SUBJECT = "scope";
    /** The states in which an approval waits for votes. */
    static final Set<ApprovalState> OPEN = EnumSet.of(ApprovalState.PENDING, ApprovalState.NEEDS_REVIEW);

    private UUID campaignId;
    private String scopeKey;
    private String scopeName;
    private String subjectKey;
    private String itemType;
    private UUID itemId;
    private String title;
    @Enumerated(EnumType.STRING)
    private ApprovalState state = ApprovalState.PENDING;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<StageRule> stages = new ArrayList<>();
    private int stageIndex;
    private int cycle;
    @Enumerated(EnumType.STRING)
    private Urgency urgency;
    /**
     * The strategy version this approval last went back to review for (negated for a withdrawal); makes the cascade
     * idempotent.
     */
    private Integer strategyVersion;
    /** The strategy version this (strategy scope) approval last approved; null before its first approval. */
    private Integer approvedStrategyVersion;
    private UUID requestedBy;
    private Integer wordCount;
    /** The subject's revision under review (a creative's version, a post's revision); null for scopes. */
    private Integer subjectRevision;
    /** Every subject revision this approval approved: a post carrying one of them may go out. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "approval_approved_revisions", joinColumns = @JoinColumn(name = "approval_id"))
    @Column(name = "revision")
    @BatchSize(size = 50)
    private Set<Integer> approvedRevisions = new HashSet<>();
    private Instant stageOpenedAt;
    private Instant dueAt;
    private Instant escalatedAt;
    private String rejectionReason;
    private Instant decidedAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Approval() {
    }

    private Approval(UUID campaignId, String scopeKey, String scopeName, String subjectKey, String itemType, UUID itemId,
            String title, List<StageRule> stages, Urgency urgency, UUID requestedBy, Integer wordCount, Instant now) {
        this.campaignId = campaignId;
        this.scopeKey = scopeKey;
        this.scopeName = scopeName;
        this.subjectKey = subjectKey;
        this.itemType = itemType;
        this.itemId = itemId;
        this.title = title;
        this.stages = new ArrayList<>(stages);
        this.urgency = urgency;
        this.requestedBy = requestedBy;
        this.wordCount = wordCount;
        this.stageOpenedAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static Approval forScope(UUID campaignId, ApprovalScope scope, Urgency urgency, UUID requestedBy, Instant now) {
        return new Approval(campaignId, scope.getKey(), scope.getName(), SCOPE_SUBJECT, null, null, scope.getName(),
                scope.getStages(), urgency, requestedBy, null, now);
    }

    static Approval forItem(UUID campaignId, ApprovalScope scope, String itemType, UUID itemId, String title,
            Integer wordCount, Urgency urgency, UUID requestedBy, Instant now) {
        return new Approval(campaignId, scope.getKey(), scope.getName(), itemType + ":" + itemId, itemType, itemId, title,
                scope.getStages(), urgency, requestedBy, wordCount, now);
    }

    boolean isItem() {
        return itemType != null;
    }

    StageRule currentStage() {
        return stages.get(Math.min(stageIndex, stages.size() - 1));
    }

    boolean isLastStage() {
        return stageIndex >= stages.size() - 1;
    }

    /** Opens the current stage: its clock starts now and it is due after {@code allowed}. */
    void openStage(Instant now, Instant due) {
        this.stageOpenedAt = now;
        this.dueAt = due;
        this.escalatedAt = null;
        this.updatedAt = now;
    }

    void nextStage(Instant now, Instant due) {
        stageIndex++;
        openStage(now, due);
    }

    void approve(Instant now) {
        ApprovalMove.APPROVE.requireFrom(state);
        this.state = ApprovalState.APPROVED;
        if (subjectRevision != null) {
            approvedRevisions.add(subjectRevision);
        }
        if (ApprovalScope.STRATEGY.equals(scopeKey) && strategyVersion != null && strategyVersion > 0) {
            this.approvedStrategyVersion = strategyVersion;
        }
        this.decidedAt = now;
        this.dueAt = null;
        this.rejectionReason = null;
        this.updatedAt = now;
    }

    void reject(String reason, Instant now) {
        ApprovalMove.REJECT.requireFrom(state);
        this.state = ApprovalState.REJECTED;
        this.rejectionReason = reason;
        this.decidedAt = now;
        this.dueAt = null;
        this.updatedAt = now;
    }

    /** The requester addressed the feedback: a new cycle from the first stage, with the scope's current routing. */
    void reopenAfterRejection(List<StageRule> currentStages, Instant now, Instant due) {
        ApprovalMove.REQUEST_REVIEW.requireFrom(state);
        restart(ApprovalState.NEEDS_REVIEW, currentStages, now, due);
    }

    /** Something this depends on changed (a strategy revision, an edited item): review again from the first stage. */
    void restart(ApprovalState to, List<StageRule> currentStages, Instant now, Instant due) {
        this.state = to;
        this.stages = new ArrayList<>(currentStages);
        this.stageIndex = 0;
        this.cycle++;
        this.decidedAt = null;
        this.rejectionReason = to == ApprovalState.REJECTED ? rejectionReason : null;
        openStage(now, due);
    }

    /**
     * The campaign's strategy changed. The strategy scope needs approval of the new version (pending), or review again
     * when its version was withdrawn; a scope that follows the strategy goes back to review. A first version reopens
     * only a decided strategy scope: nothing else was reviewed against a strategy yet. Each change reaches an approval
     * once, however often its event is delivered.
     *
     * @param followsStrategy whether the workspace's scope follows the strategy (the strategy scope always does)
     * @param currentStages   the scope's routing now, for the new cycle
     * @return whether the approval went back to review; the caller records and announces it
     */
    boolean onStrategyChange(StrategyChange change, boolean followsStrategy, List<StageRule> currentStages, Instant now,
            Instant due) {
        if (followed(change)) {
            return false;
        }
        boolean first = change instanceof StrategyChange.Revised revised && revised.first();
        ApprovalState target;
        if (ApprovalScope.STRATEGY.equals(scopeKey)) {
            if (first && state == ApprovalState.PENDING) {
                follow(change);
                return false;
            }
            target = change instanceof StrategyChange.Invalidated ? ApprovalState.NEEDS_REVIEW : ApprovalState.PENDING;
        } else if (followsStrategy && !first) {
            target = ApprovalState.NEEDS_REVIEW;
        } else {
            follow(change);
            return false;
        }
        restart(target, currentStages, now, due);
        follow(change);
        return true;
    }

    /** A new approval is reviewed against the strategy version current when it opened, so that version's late event passes it by. */
    void reviewedAgainst(int strategyVersion) {
        follow(new StrategyChange.Revised(strategyVersion, false));
    }

    /** Whether this change already reached the approval (events may arrive twice). */
    private boolean followed(StrategyChange change) {
        return change.reached(strategyVersion);
    }

    private void follow(StrategyChange change) {
        this.strategyVersion = change.marker();
    }

    /**
     * A vote that does not complete the stage still changes the approval (and so its version): two approvers
     * casting the last two votes at once then conflict instead of each counting only their own vote.
     */
    void voted(Instant now) {
        this.updatedAt = now;
    }

    void escalated(Instant now) {
        this.escalatedAt = now;
        this.updatedAt = now;
    }

    void rename(String title) {
        this.title = title;
    }

    /** The item's subject changed to this revision (null when the subject has none): that is what is now reviewed. */
    void underReview(Integer revision) {
        this.subjectRevision = revision;
    }

    /**
     * Whether this revision of the subject was approved. A subject without revisions (submitted before they existed)
     * counts as approved while the approval is.
     */
    boolean approves(Integer revision) {
        if (revision == null || approvedRevisions.isEmpty() && subjectRevision == null) {
            return state == ApprovalState.APPROVED;
        }
        return approvedRevisions.contains(revision);
    }

    Integer getSubjectRevision() {
        return subjectRevision;
    }

    UUID getCampaignId() { return campaignId; }
    String getScopeKey() { return scopeKey; }
    String getScopeName() { return scopeName; }
    String getSubjectKey() { return subjectKey; }
    String getItemType() { return itemType; }
    UUID getItemId() { return itemId; }
    String getTitle() { return title; }
    ApprovalState getState() { return state; }
    List<StageRule> getStages() { return List.copyOf(stages); }

    /** The strategy version under review: the one the approval follows, or null when it follows none (withdrawn). */
    Integer getStrategyVersion() {
        return strategyVersion == null || strategyVersion <= 0 ? null : strategyVersion;
    }

    Integer getApprovedStrategyVersion() { return approvedStrategyVersion; }
    int getStageIndex() { return stageIndex; }
    int getCycle() { return cycle; }
    Urgency getUrgency() { return urgency; }
    UUID getRequestedBy() { return requestedBy; }
    Integer getWordCount() { return wordCount; }
    Instant getStageOpenedAt() { return stageOpenedAt; }
    Instant getDueAt() { return dueAt; }
    Instant getEscalatedAt() { return escalatedAt; }
    String getRejectionReason() { return rejectionReason; }
    Instant getDecidedAt() { return decidedAt; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }
    Long getVersion() { return version; }
}
