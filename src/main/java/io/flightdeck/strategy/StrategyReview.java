package io.flightdeck.strategy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A strategy version as a reviewer sees it: its content, and what changed since an earlier version (the one last
 * approved), field by field in form order.
 *
 * @param status       Current, Superseded or Invalidated
 * @param comparedWith the older version the rows compare with; null when there is none, and then {@code before} sides
 *                     are empty and every filled-in field reads as new
 * @param rows         every field, changed or not
 */
public record StrategyReview(UUID campaignId, int version, String status, String savedByName, Instant savedAt,
        Integer comparedWith, String comparedWithByName, Instant comparedWithAt, List<StrategyDiffRow> rows) {

    public long changedFields() {
        return rows.stream().filter(StrategyDiffRow::changed).count();
    }
}
