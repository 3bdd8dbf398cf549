package io.flightdeck.content.creatives;

import java.util.List;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.campaigns.ReadinessSubject;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creatives made from an older strategy version than the current one (marked stale when the strategy was revised)
 * as one readiness item. It weighs nothing and blocks nothing: a stale creative may still be what the team wants to
 * post, and a refresh rewrites only generated parts, so only a person can say it is fine. It names the creatives so
 * that someone opens and refreshes them. A campaign without creatives gets no item.
 */
@Component
@Order(40)
class StaleCreativesReadiness implements ReadinessCheck {

    /** How many titles the reason names before it says "and N more". */
    private static final int NAMED = 3;

    private final CreativeRepository creatives;

    StaleCreativesReadiness(CreativeRepository creatives) {
        this.creatives = creatives;
    }

    @Override
    public List<ReadinessItem> check(CampaignSnapshot campaign) {
        List<StaleCreative> stale = creatives.findStaleTitles(campaign.id());
        if (stale.isEmpty() && !creatives.existsByCampaignIdAndDeletedAtIsNull(campaign.id())) {
            return List.of();
        }
        String reason = stale.isEmpty() ? "Every creative follows the current strategy"
                : (stale.size() == 1 ? "1 creative was" : stale.size() + " creatives were")
                        + " made from an older strategy version: " + titles(stale);
        return List.of(new ReadinessItem("content.current", "Creatives follow the strategy", stale.isEmpty(), 0, false,
                reason, "/campaigns/" + campaign.id() + "/tabs/content#content")
                .withAction("Refresh the creatives from the current strategy")
                .about(stale.stream().map(c -> ReadinessSubject.of("creative", c.id(), c.title(),
                        "/creatives/" + c.id())).toList()));
    }

    private static String titles(List<StaleCreative> list) {
        String named = list.stream().limit(NAMED).map(StaleCreative::title).collect(Collectors.joining(", "));
        return list.size() > NAMED ? named + " and " + (list.size() - NAMED) + " more" : named;
    }
}
