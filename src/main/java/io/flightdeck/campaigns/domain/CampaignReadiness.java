package io.flightdeck.campaigns.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.campaigns.ReadinessScore;
import io.flightdeck.campaigns.ReadinessScoring;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's readiness: every module's {@link ReadinessCheck} scored together against the workspace's threshold,
 * and that threshold itself.
 */
@Service
public class CampaignReadiness implements ReadinessScoring {

    private final CampaignRepository campaigns;
    private final CampaignSettingsRepository settings;
    /** Looked up when scoring, not at construction: the checks of other modules read campaigns through Campaigns. */
    private final ObjectProvider<ReadinessCheck> readinessChecks;

    CampaignReadiness(CampaignRepository campaigns, CampaignSettingsRepository settings,
            ObjectProvider<ReadinessCheck> readinessChecks) {
        this.campaigns = campaigns;
        this.settings = settings;
        this.readinessChecks = readinessChecks;
    }

    @Transactional(readOnly = true)
    public Readiness readiness(UUID id) {
        return readiness(campaigns.findLive(id).orElseThrow(() -> new NotFoundException("The campaign")));
    }

    @Transactional(readOnly = true)
    public int readinessThreshold() {
        return settings.findFirstBy().map(CampaignSettings::getReadinessThreshold)
                .orElse(CampaignSettings.DEFAULT_READINESS_THRESHOLD);
    }

    @Transactional
    public int changeReadinessThreshold(int threshold) {
        if (threshold < 0 || threshold > 100) {
            throw new InvalidInputException("readinessThreshold", "must be between 0 and 100");
        }
        CampaignSettings row = settings.findFirstBy().orElseGet(() -> settings.save(new CampaignSettings()));
        row.setReadinessThreshold(threshold);
        return threshold;
    }

    @Override
    @Transactional(readOnly = true)
    public ReadinessScore score(List<ReadinessItem> items) {
        Readiness readiness = Readiness.of(items, readinessThreshold());
        return new ReadinessScore(readiness.score(), readiness.threshold(), readiness.rawScore(),
                readiness.meetsThreshold());
    }

    Readiness readiness(Campaign campaign) {
        CampaignSnapshot snapshot = campaign.snapshot();
        List<ReadinessItem> items = new ArrayList<>();
        readinessChecks.orderedStream().forEach(check -> items.addAll(check.check(snapshot)));
        return Readiness.of(items, readinessThreshold());
    }
}
