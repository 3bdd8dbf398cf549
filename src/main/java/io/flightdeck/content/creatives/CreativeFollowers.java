package io.flightdeck.content.creatives;

import io.flightdeck.approvals.ApprovalDecided;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.strategy.StrategyRevised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.stereotype.Component;

/**
 * Creatives follow their strategy and their review through events, retried by the publication registry after a
 * crash: a new strategy version makes older creatives stale; an approval's decision reaches the creative it is about.
 */
@Component
class CreativeFollowers {

    private static final Logger log = LoggerFactory.getLogger(CreativeFollowers.class);

    private final Creatives creatives;
    private final CreativeReviews reviews;

    CreativeFollowers(Creatives creatives, CreativeReviews reviews) {
        this.creatives = creatives;
        this.reviews = reviews;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(StrategyRevised event) {
        int marked = TenantScope.call(event.workspaceId(), () -> creatives.markStale(event.campaignId(), event.version()));
        log.debug("Strategy v{} of campaign {} made {} creatives stale", event.version(), event.campaignId(), marked);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ApprovalDecided event) {
        if (!CreativeReviews.SCOPE.equals(event.scopeKey()) || !CreativeReviews.ITEM_TYPE.equals(event.itemType())) {
            return;
        }
        TenantScope.run(event.workspaceId(), () -> reviews.followReview(event.itemId()));
    }
}
