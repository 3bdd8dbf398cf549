package io.flightdeck.approvals.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.approvals.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How one approval reacts to a strategy change: plain objects, no Spring. */
class ApprovalStrategyChangeTests {

    static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant NOW = OPENED.plus(Duration.ofDays(2));
    static final Instant DUE = NOW.plus(Duration.ofHours(48));
    static final List<StageRule> TWO_STAGES = List.of(StageRule.review(), StageRule.review());

    /** A scope approval reviewed against strategy version 1, moved to {@code state}. */
    static Approval approval(String scopeKey, ApprovalState state) {
        ApprovalScope scope = ApprovalScope.defaults().stream().filter(s -> s.getKey().equals(scopeKey)).findFirst()
                .orElseThrow();
        Approval approval = Approval.forScope(UUID.randomUUID(), scope, Urgency.NORMAL, UUID.randomUUID(), OPENED);
        approval.openStage(OPENED, OPENED.plus(Duration.ofDays(1)));
        approval.reviewedAgainst(1);
        switch (state) {
            case APPROVED -> approval.approve(OPENED);
            case REJECTED -> approval.reject("Not yet", OPENED);
            case NEEDS_REVIEW -> approval.restart(ApprovalState.NEEDS_REVIEW, scope.getStages(), OPENED, DUE);
            case PENDING -> { }
        }
        return approval;
    }

    static boolean revise(Approval approval, int version, boolean follows) {
        return approval.onStrategyChange(new StrategyChange.Revised(version, false), follows, TWO_STAGES, NOW, DUE);
    }

    @ParameterizedTest(name = "{0} scope, {1}, follows: {2}: version 2 leaves it {3}, moved: {4}")
    @CsvSource({
            "strategy, APPROVED,     true,  PENDING,      true",
            "strategy, REJECTED,     true,  PENDING,      true",
            "strategy, PENDING,      true,  PENDING,      true",
            "strategy, NEEDS_REVIEW, true,  PENDING,      true",
            "strategy, APPROVED,     false, PENDING,      true",
            "content,  APPROVED,     true,  NEEDS_REVIEW, true",
            "content,  REJECTED,     true,  NEEDS_REVIEW, true",
            "content,  PENDING,      true,  NEEDS_REVIEW, true",
            "content,  NEEDS_REVIEW, true,  NEEDS_REVIEW, true",
            "ads,      APPROVED,     false, APPROVED,     false",
            "ads,      REJECTED,     false, REJECTED,     false",
            "ads,      PENDING,      false, PENDING,      false"})
    void aNewVersionSendsTheStrategyAndItsFollowersBackToReview(String scope, ApprovalState before, boolean follows,
            ApprovalState after, boolean expectMoved) {
        Approval approval = approval(scope, before);
        int cycle = approval.getCycle();

        boolean moved = revise(approval, 2, follows);

        assertThat(moved).isEqualTo(expectMoved);
        assertThat(approval.getState()).isEqualTo(after);
        assertThat(approval.getCycle()).isEqualTo(moved ? cycle + 1 : cycle);
        if (moved) {
            assertThat(approval.getStageIndex()).isZero();
            assertThat(approval.getStages()).isEqualTo(TWO_STAGES);
            assertThat(approval.getDueAt()).isEqualTo(DUE);
            assertThat(approval.getDecidedAt()).isNull();
            assertThat(approval.getRejectionReason()).isNull();
        }
    }

    @Test
    void theSameVersionArrivingTwiceMovesNothingTheSecondTime() {
        Approval content = approval("content", ApprovalState.APPROVED);
        assertThat(revise(content, 2, true)).isTrue();
        content.approve(NOW);

        assertThat(revise(content, 2, true)).isFalse();
        assertThat(revise(content, 1, true)).as("an older version, late").isFalse();

        assertThat(content.getState()).isEqualTo(ApprovalState.APPROVED);
        assertThat(revise(content, 3, true)).as("the next version").isTrue();
        assertThat(content.getState()).isEqualTo(ApprovalState.NEEDS_REVIEW);
    }

    @Test
    void theVersionAnApprovalOpenedWithDoesNotReopenIt() {
        Approval content = approval("content", ApprovalState.PENDING);
        int cycle = content.getCycle();

        assertThat(revise(content, 1, true)).isFalse();

        assertThat(content.getCycle()).isEqualTo(cycle);
    }

    @Test
    void aFirstVersionReopensOnlyADecidedStrategyScope() {
        StrategyChange first = new StrategyChange.Revised(1, true);
        Approval strategy = approval("strategy", ApprovalState.APPROVED);
        strategy.reviewedAgainst(0);
        Approval pendingStrategy = approval("strategy", ApprovalState.PENDING);
        pendingStrategy.reviewedAgainst(0);
        Approval content = approval("content", ApprovalState.APPROVED);
        content.reviewedAgainst(0);

        assertThat(strategy.onStrategyChange(first, true, TWO_STAGES, NOW, DUE)).isTrue();
        assertThat(pendingStrategy.onStrategyChange(first, true, TWO_STAGES, NOW, DUE)).isFalse();
        assertThat(content.onStrategyChange(first, true, TWO_STAGES, NOW, DUE)).isFalse();

        assertThat(strategy.getState()).isEqualTo(ApprovalState.PENDING);
        assertThat(pendingStrategy.getState()).isEqualTo(ApprovalState.PENDING);
        assertThat(content.getState()).isEqualTo(ApprovalState.APPROVED);
        // followed all the same: the first version's event arriving again moves nothing
        assertThat(strategy.onStrategyChange(first, true, TWO_STAGES, NOW, DUE)).isFalse();
    }

    @Test
    void withdrawingAVersionSendsEveryFollowerAndTheStrategyToReviewOnce() {
        StrategyChange withdrawn = new StrategyChange.Invalidated(1);
        Approval strategy = approval("strategy", ApprovalState.APPROVED);
        Approval content = approval("content", ApprovalState.APPROVED);
        Approval ads = approval("ads", ApprovalState.APPROVED);

        assertThat(strategy.onStrategyChange(withdrawn, true, TWO_STAGES, NOW, DUE)).isTrue();
        assertThat(content.onStrategyChange(withdrawn, true, TWO_STAGES, NOW, DUE)).isTrue();
        assertThat(ads.onStrategyChange(withdrawn, false, TWO_STAGES, NOW, DUE)).isFalse();

        assertThat(strategy.getState()).isEqualTo(ApprovalState.NEEDS_REVIEW);
        assertThat(content.getState()).isEqualTo(ApprovalState.NEEDS_REVIEW);
        assertThat(ads.getState()).isEqualTo(ApprovalState.APPROVED);
        content.approve(NOW);
        assertThat(content.onStrategyChange(withdrawn, true, TWO_STAGES, NOW, DUE)).as("delivered twice").isFalse();
        assertThat(revise(content, 1, true)).as("the withdrawn version's late revision").isFalse();
        assertThat(revise(content, 2, true)).as("the next version").isTrue();
    }

    @Test
    void aWithdrawalReachesAnApprovalThatAlreadyFollowsThatVersion() {
        Approval content = approval("content", ApprovalState.APPROVED);
        content.reviewedAgainst(2);

        assertThat(content.onStrategyChange(new StrategyChange.Invalidated(2), true, TWO_STAGES, NOW, DUE)).isTrue();
        assertThat(content.onStrategyChange(new StrategyChange.Invalidated(1), true, TWO_STAGES, NOW, DUE))
                .as("an older version's withdrawal").isFalse();
    }
}
