package io.flightdeck.approvals.domain;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.flightdeck.approvals.ApprovalSubject;
import io.flightdeck.approvals.ApprovalSubjectPreview;
import io.flightdeck.approvals.ApprovalSubjectRequest;
import io.flightdeck.strategy.StrategyDirectory;
import io.flightdeck.strategy.StrategyReview;

/**
 * The strategy scope's subject: the strategy version under review with what changed since the version last approved.
 * Approvals describes it itself, because strategy cannot depend on approvals.
 */
@Component
@Order(0)
class StrategySubject implements ApprovalSubject {

    private final StrategyDirectory strategies;

    StrategySubject(StrategyDirectory strategies) {
        this.strategies = strategies;
    }

    @Override
    public boolean describes(String scopeKey, String itemType) {
        return ApprovalScope.STRATEGY.equals(scopeKey) && itemType == null;
    }

    @Override
    public Optional<ApprovalSubjectPreview> describe(ApprovalSubjectRequest request) {
        Integer version = request.strategyVersion();
        if (version == null) {
            return Optional.of(ApprovalSubjectPreview.text("No strategy under review",
                    "The campaign has no current strategy: none was saved yet, or its last version was withdrawn.",
                    request.member() ? "/campaigns/" + request.campaignId() + "/strategy" : null));
        }
        Optional<StrategyReview> review = strategies.review(request.campaignId(), version, request.approvedStrategyVersion());
        boolean approved = version.equals(request.approvedStrategyVersion());
        return review.map(r -> new ApprovalSubjectPreview("Strategy version " + r.version(),
                approved ? "Saved by " + r.savedByName() + ". This is the version approved." : summary(r),
                request.member() ? "/campaigns/" + request.campaignId() + "/strategy/versions/" + r.version() : null,
                "approvals/fragments/subject", "strategy", r));
    }

    private static String summary(StrategyReview review) {
        if (review.comparedWith() == null) {
            return "Saved by " + review.savedByName() + ". No earlier version was approved, so this is its whole content.";
        }
        long changed = review.changedFields();
        return "Saved by " + review.savedByName() + ". Compared with version " + review.comparedWith()
                + ", the one last approved: " + (changed == 0 ? "nothing changed."
                        : changed + (changed == 1 ? " field changed." : " fields changed."));
    }
}
