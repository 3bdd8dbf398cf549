package io.flightdeck.guidance.recommendations;

/**
 * One fact behind a recommendation, shown beside it: what was measured, its value, and the page where it can be
 * checked.
 *
 * @param label what the value is, for example {@code Facebook click rate}
 * @param value the value in words, for example {@code 0.42 % (8 clicks of 1,900 impressions)}
 * @param link  the path of the page that shows it
 */
public record Evidence(String label, String value, String link) {
}
