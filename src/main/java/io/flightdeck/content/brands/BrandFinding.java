package io.flightdeck.content.brands;

/**
 * One thing the brand check found in a text.
 *
 * @param code     {@code avoided-word}, {@code missing-footer}, {@code over-limit}, {@code too-many-hashtags}
 * @param blocking true when the text must not go out as it is (an avoided word, a broken platform limit); false for
 *                 a warning
 * @param excerpt  the words concerned (the avoided word as written), or null
 */
public record BrandFinding(String code, boolean blocking, String message, String excerpt) {
}
