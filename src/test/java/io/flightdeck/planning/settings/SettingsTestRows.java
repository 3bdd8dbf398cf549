package io.flightdeck.planning.settings;

import java.time.LocalDate;
import java.util.List;

import io.flightdeck.campaigns.CampaignPriority;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Planning settings written straight through the entity, for tests of other planning packages. */
public final class SettingsTestRows {

    private final PlanningSettingsRepository settings;
    private final PlanningSettingsService service;
    private final TransactionTemplate transactions;

    public SettingsTestRows(ApplicationContext context) {
        this.settings = context.getBean(PlanningSettingsRepository.class);
        this.service = context.getBean(PlanningSettingsService.class);
        this.transactions = context.getBean(TransactionTemplate.class);
    }

    /** Sets the current workspace's holidays (the row written down first if the workspace had none). */
    public void holidays(List<LocalDate> days) {
        transactions.execute(status -> {
            PlanningSettings row = service.persisted();
            row.change(row.isAutoTimeline(), row.bufferPct(CampaignPriority.URGENT), row.bufferPct(CampaignPriority.HIGH),
                    row.bufferPct(CampaignPriority.MEDIUM), row.bufferPct(CampaignPriority.LOW), days);
            return settings.saveAndFlush(row);
        });
    }
}
