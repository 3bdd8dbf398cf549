package io.flightdeck.assets.platforms;

import java.util.List;

/**
 * What a platform reported for a campaign: the ad account's currency (ISO 4217, as the platform names it), which every
 * amount of the days is in, and the days.
 */
public record PlatformReport(String currency, List<PlatformAdDay> days) {
}
