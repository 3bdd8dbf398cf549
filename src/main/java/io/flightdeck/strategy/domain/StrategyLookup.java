package io.flightdeck.strategy.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import io.flightdeck.strategy.StrategyAds;
import io.flightdeck.strategy.StrategyBrief;
import io.flightdeck.strategy.StrategyDiffRow;
import io.flightdeck.strategy.StrategyDirectory;
import io.flightdeck.strategy.StrategyReview;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules read of strategies (approvals reviewing a version, content briefing a creative): a version's
 * fields, its ads section, what changed since the version last approved, and which version is current. A campaign
 * without the version reads as empty, so the caller decides what that means.
 */
@Service
@Transactional(readOnly = true)
class StrategyLookup implements StrategyDirectory {

    private final StrategyVersionRepository versions;
    private final StrategyViews views;

    StrategyLookup(StrategyVersionRepository versions, StrategyViews views) {
        this.versions = versions;
        this.views = views;
    }

    @Override
    public Optional<StrategyReview> review(UUID campaignId, int version, Integer since) {
        Optional<StrategyVersion> reviewed = versions.findByCampaignIdAndNumber(campaignId, version);
        if (reviewed.isEmpty()) {
            return Optional.empty();
        }
        StrategyView newer = views.of(reviewed.get());
        StrategyView older = since == null || since <= 0 || since == version ? null
                : versions.findByCampaignIdAndNumber(campaignId, since).map(views::of).orElse(null);
        List<StrategyDiffRow> rows = StrategyDiff.compare(older == null ? StrategyDetails.empty() : older.details(),
                newer.details()).stream().map(ReadableDiff::row).toList();
        return Optional.of(new StrategyReview(campaignId, version, newer.status().label(), newer.createdByName(),
                newer.createdAt(), older == null ? null : older.version(), older == null ? null : older.createdByName(),
                older == null ? null : older.createdAt(), rows));
    }

    @Override
    public Optional<StrategyBrief> brief(UUID campaignId, int version) {
        return versions.findByCampaignIdAndNumber(campaignId, version).map(StrategyLookup::brief);
    }

    @Override
    public Map<UUID, StrategyBrief> currentBriefs(Collection<UUID> campaignIds) {
        Map<UUID, StrategyBrief> briefs = new HashMap<>();
        if (!campaignIds.isEmpty()) {
            versions.findByCampaignIdInAndStatus(campaignIds, StrategyStatus.CURRENT)
                    .forEach(v -> briefs.put(v.getCampaignId(), brief(v)));
        }
        return briefs;
    }

    private static StrategyBrief brief(StrategyVersion v) {
        StrategyDetails d = v.details();
        return new StrategyBrief(v.getNumber(), d.platforms(), d.goals(), d.targetAudience(), d.contentPillars(),
                d.brandTone(), d.constraints(), d.cadence(), d.channelMix(),
                d.adsConfig() == null ? Map.of() : d.adsConfig().budgetSplit());
    }

    @Override
    public Optional<StrategyAds> ads(UUID campaignId, int version) {
        return versions.findByCampaignIdAndNumber(campaignId, version).map(v -> {
            AdsConfig ads = v.details().adsConfig();
            return ads == null ? new StrategyAds(v.getNumber(), null, Map.of(), null)
                    : new StrategyAds(v.getNumber(), ads.objective() == null ? null : ads.objective().label(),
                            ads.budgetSplit(), ads.biddingNotes());
        });
    }

    @Override
    public OptionalInt currentVersion(UUID campaignId) {
        return versions.findByCampaignIdAndStatus(campaignId, StrategyStatus.CURRENT)
                .map(v -> OptionalInt.of(v.getNumber())).orElse(OptionalInt.empty());
    }
}
