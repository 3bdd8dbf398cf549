package io.flightdeck.approvals.domain;

import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.strategy.StrategyInvalidated;
import io.flightdeck.strategy.StrategyRevised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Strategy changes reach approvals as events through the publication registry, so a crash between the strategy's
 * commit and this reaction is retried. The scope opens before the cascade's transaction does (see docs/development.md).
 */
@Component
class StrategyCascade {

    private static final Logger log = LoggerFactory.getLogger(StrategyCascade.class);

    private final ApprovalCascade cascade;

    StrategyCascade(ApprovalCascade cascade) {
        this.cascade = cascade;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(StrategyRevised event) {
        StrategyChange change = new StrategyChange.Revised(event.version(), event.previousVersion() == null);
        int moved = TenantScope.call(event.workspaceId(), () -> cascade.strategyChanged(event.campaignId(), change));
        log.debug("Strategy v{} of campaign {} moved {} approvals", event.version(), event.campaignId(), moved);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(StrategyInvalidated event) {
        StrategyChange change = new StrategyChange.Invalidated(event.version());
        TenantScope.run(event.workspaceId(), () -> cascade.strategyChanged(event.campaignId(), change));
    }
}
