package io.flightdeck.strategy.domain;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.stereotype.Component;

import io.flightdeck.campaigns.CampaignJournal;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.strategy.StrategyInvalidated;
import io.flightdeck.strategy.StrategyRevised;

/**
 * Strategy saves and withdrawals as sentences in the campaign's activity feed ("Dana Diaz saved the strategy (version
 * 3)"). Keyed by the version's id, so a redelivered event writes its line once.
 */
@Component
class StrategyActivity {

    private final Strategies strategies;
    private final CampaignJournal journal;

    StrategyActivity(Strategies strategies, CampaignJournal journal) {
        this.strategies = strategies;
        this.journal = journal;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(StrategyRevised event) {
        TenantScope.run(event.workspaceId(), () -> {
            StrategyView saved = version(event.campaignId(), event.version());
            if (saved == null) {
                return;
            }
            String summary = event.previousVersion() == null
                    ? "saved the first strategy (version " + event.version() + ")"
                    : "saved the strategy (version " + event.version() + ", replacing version " + event.previousVersion() + ")";
            journal.record(event.campaignId(), "strategy-saved:" + event.strategyId(), event.actorId(),
                    saved.createdByName(), "strategy.saved", summary, event.at());
        });
    }

    /** The version, or null when its campaign was deleted meanwhile: nothing left to write to. */
    private StrategyView version(java.util.UUID campaignId, int number) {
        try {
            return strategies.get(campaignId, number);
        } catch (NotFoundException e) {
            return null;
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(StrategyInvalidated event) {
        TenantScope.run(event.workspaceId(), () -> {
            StrategyView withdrawn = version(event.campaignId(), event.version());
            if (withdrawn == null) {
                return;
            }
            journal.record(event.campaignId(), "strategy-invalidated:" + event.strategyId(), event.actorId(),
                    withdrawn.invalidatedByName(), "strategy.invalidated",
                    "withdrew the strategy (version " + event.version() + "): “" + event.reason() + "”", event.at());
        });
    }
}
