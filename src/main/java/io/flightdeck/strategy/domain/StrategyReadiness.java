package io.flightdeck.strategy.domain;

import java.util.List;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.campaigns.ReadinessSubject;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A campaign is readier to launch with a complete current strategy; missing one lowers the score but blocks nothing. */
@Component
@Order(10)
class StrategyReadiness implements ReadinessCheck {

    static final String KEY = "strategy.complete";

    private final StrategyVersionRepository versions;

    StrategyReadiness(StrategyVersionRepository versions) {
        this.versions = versions;
    }

    @Override
    public List<ReadinessItem> check(CampaignSnapshot campaign) {
        String fix = "/campaigns/" + campaign.id() + "/strategy";
        return List.of(versions.findByCampaignIdAndStatus(campaign.id(), StrategyStatus.CURRENT)
                .map(current -> {
                    Completeness completeness = StrategyCompleteness.of(current.getNumber(), current.details(),
                            Strategies.budgeted(campaign));
                    String reason = completeness.complete() ? "Version " + current.getNumber() + " is complete"
                            : "Version " + current.getNumber() + " is missing " + completeness.missing().stream()
                                    .map(m -> m.label().toLowerCase()).collect(Collectors.joining(", "));
                    return item(completeness.complete(), reason, fix).withAction("Complete the strategy")
                            .about(ReadinessSubject.of("strategy-version", current.getId(), "Version " + current.getNumber(),
                                    fix + "/versions/" + current.getNumber()));
                })
                .orElseGet(() -> item(false, "No current strategy yet: write down where, for whom and how often the "
                        + "campaign publishes, so content and schedules follow one plan", fix)
                        .withAction("Write the strategy")));
    }

    private static ReadinessItem item(boolean done, String reason, String fix) {
        return new ReadinessItem(KEY, "Strategy", done, 20, false, reason, fix);
    }
}
