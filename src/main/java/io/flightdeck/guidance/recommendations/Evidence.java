package io.flightdeck.guidance.recommendations;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One fact behind a recommendation, shown beside it: what was measured, its value, and the page where it can be
 * checked.
 *
 * @param label what the value is, for example {@code Facebook click rate}
 * @param value the value in words, for example {@code 0.42 % (8 clicks of 1,900 impressions)}
 * @param link  the path of the page that shows it
 */
record Evidence(@Schema(example = "Facebook click rate in this campaign") String label,
        @Schema(example = "0.42 % (8 clicks of 1,900 impressions)") String value,
        @Schema(example = "/analytics/campaigns/0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e/channels/FACEBOOK") String link) {
}
