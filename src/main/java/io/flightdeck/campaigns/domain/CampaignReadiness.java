package io.flightdeck.campaigns.domain;

import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.CheckedItem;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.campaigns.ReadinessItems;
import io.flightdeck.campaigns.ReadinessScore;
import io.flightdeck.campaigns.ReadinessScoring;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
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
    /** Every check's items, asked once per GET request: the guidance card asks for the same ones. */
    private final ReadinessItems items;

    CampaignReadiness(CampaignRepository campaigns, CampaignSettingsRepository settings, ReadinessItems items) {
        this.campaigns = campaigns;
        this.settings = settings;
        this.items = items;
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
        return Readiness.of(items.of(campaign.snapshot()).stream().map(CheckedItem::item).toList(),
                readinessThreshold());
    }
}
