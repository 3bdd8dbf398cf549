package io.flightdeck.approvals.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.flightdeck.approvals.ApprovalSubject;
import io.flightdeck.approvals.ApprovalSubjectPreview;
import io.flightdeck.approvals.ApprovalSubjectRequest;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.shared.Money;
import io.flightdeck.strategy.StrategyAds;
import io.flightdeck.strategy.StrategyDirectory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Ads scope's subject: the strategy's ads section under review — the objective, each platform's share of the
 * budget with its amount from the campaign's budget, and the bidding notes. Described here because strategy cannot
 * depend on approvals.
 */
@Component
@Order(0)
class AdsSubject implements ApprovalSubject {

    private final StrategyDirectory strategies;
    private final CampaignDirectory campaigns;

    AdsSubject(StrategyDirectory strategies, CampaignDirectory campaigns) {
        this.strategies = strategies;
        this.campaigns = campaigns;
    }

    /** One platform's share: its percent and the amount it comes to. */
    public record BudgetLine(String platform, int percent, String amount) {
    }

    public record AdsUnderReview(int version, String objective, List<BudgetLine> split, String total,
            String biddingNotes) {
    }

    @Override
    public boolean describes(String scopeKey, String itemType) {
        return "ads".equals(scopeKey) && itemType == null;
    }

    @Override
    public Optional<ApprovalSubjectPreview> describe(ApprovalSubjectRequest request) {
        Integer version = request.strategyVersion();
        if (version == null) {
            return Optional.of(ApprovalSubjectPreview.text("No ads plan under review",
                    "The campaign has no current strategy, so it has no ads section yet.",
                    request.member() ? "/campaigns/" + request.campaignId() + "/strategy" : null));
        }
        Money budget = campaigns.find(request.campaignId()).map(CampaignSnapshot::budget).orElse(null);
        return strategies.ads(request.campaignId(), version).map(ads -> {
            List<BudgetLine> lines = new ArrayList<>();
            ads.budgetSplit().forEach((channel, percent) -> lines.add(new BudgetLine(channel.label(), percent,
                    budget == null ? null : format(budget.amount().multiply(BigDecimal.valueOf(percent))
                            .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP), budget.currency()))));
            String summary = ads.empty() ? "Strategy version " + version + " has no ads section filled in."
                    : "From strategy version " + version + (budget == null ? "; the campaign has no budget set, so no amounts."
                            : ", with amounts from the campaign's budget of " + format(budget.amount(), budget.currency()) + ".");
            return new ApprovalSubjectPreview("Ads plan (strategy version " + version + ")", summary,
                    request.member() ? "/campaigns/" + request.campaignId() + "/strategy" : null,
                    "approvals/fragments/subject", "ads", new AdsUnderReview(version, ads.objective(), lines,
                            budget == null ? null : format(budget.amount(), budget.currency()), ads.biddingNotes()));
        });
    }

    private static String format(BigDecimal amount, String currency) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.ENGLISH);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(amount) + " " + currency;
    }
}
