package io.flightdeck.rendering.builtin;

import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * What a composition draws from.
 *
 * @param brandColors primary, secondary, accent, text and background as {@code #rrggbb}
 * @param logo        null when the brand has none
 * @param background  the job's image; null when it has none
 */
record RenderInputs(String headline, String cta, String caption, String brandName, Map<String, String> brandColors,
        String headingFont, String bodyFont, BufferedImage logo, BufferedImage background) {
}
