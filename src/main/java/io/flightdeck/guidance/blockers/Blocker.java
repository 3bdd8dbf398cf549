package io.flightdeck.guidance.blockers;

import java.util.List;

import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.campaigns.ReadinessSubject;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What stands between a campaign and its launch, as guidance shows it: an unmet readiness item with the module that
 * reported it.
 *
 * @param key      the readiness item's stable key
 * @param title    what is checked, in the item's words
 * @param severity how much it stands in the way
 * @param module   the module whose readiness check reported it
 * @param reason   what is wrong, in the module's words
 * @param action   what clears it; the item's own words, or a general one when the item gives none
 * @param fixLink  the page where it is cleared
 * @param subjects the objects it is about, when the check names them (as the readiness item's {@code subjects})
 * @param weight   the item's share of the readiness score (0 for items that only block or inform)
 */
public record Blocker(
        @Schema(example = "assets.rights") String key,
        @Schema(example = "Asset rights valid") String title,
        @Schema(example = "BLOCKING") BlockerSeverity severity,
        @Schema(example = "assets") String module,
        @Schema(example = "Rights expired for stock-beach.png (ended 2020-01-31): replace them or renew their licence")
        String reason,
        @Schema(example = "Renew the licences or replace the assets") String action,
        @Schema(example = "/assets?campaignId=0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e") String fixLink,
        List<ReadinessSubject> subjects,
        @Schema(example = "0") int weight) {

    /** When a check gives no action of its own. */
    static final String GENERAL_ACTION = "Fix this";

    static Blocker of(ReadinessItem item, String module) {
        return new Blocker(item.key(), item.label(), severityOf(item), module, item.reason(),
                item.action() == null || item.action().isBlank() ? GENERAL_ACTION : item.action(), item.fixLink(),
                item.subjects(), item.weight());
    }

    static BlockerSeverity severityOf(ReadinessItem item) {
        if (item.blocking()) {
            return BlockerSeverity.BLOCKING;
        }
        return item.warnsAtLaunch() ? BlockerSeverity.WARNING : BlockerSeverity.INFO;
    }
}
