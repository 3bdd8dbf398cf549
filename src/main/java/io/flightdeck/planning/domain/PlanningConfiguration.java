package io.flightdeck.planning.domain;

import io.flightdeck.campaigns.CampaignPriority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a workspace's planning settings; until someone changes them, the defaults apply without a row. */
@Service
@Transactional(readOnly = true)
public class PlanningConfiguration {

    private final PlanningSettingsRepository settings;

    PlanningConfiguration(PlanningSettingsRepository settings) {
        this.settings = settings;
    }

    PlanningSettings current() {
        return settings.findFirstBy().orElseGet(PlanningSettings::new);
    }

    /** The current row, written down first if the workspace still runs on the defaults (for changes). */
    @Transactional
    PlanningSettings persisted() {
        return settings.findFirstBy().orElseGet(() -> settings.saveAndFlush(new PlanningSettings()));
    }

    WorkingCalendar calendar() {
        return current().calendar();
    }

    int bufferPct(CampaignPriority priority) {
        return current().bufferPct(priority);
    }
}
