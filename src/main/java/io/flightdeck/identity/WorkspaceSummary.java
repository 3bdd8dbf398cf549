package io.flightdeck.identity;

import java.time.ZoneId;
import java.util.UUID;

/**
 * What other modules know of a workspace.
 *
 * @param timeZone the zone its days are cut in (dashboards, budgets, reports, workload trends)
 * @param demo     the demo workspace a newcomer signs in to, whose numbers are all simulated
 */
public record WorkspaceSummary(UUID id, String name, ZoneId timeZone, String locale, boolean demo) {
}
