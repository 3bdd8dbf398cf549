package io.flightdeck.email.web;

import java.util.UUID;

/**
 * An image of the asset library as the template pickers offer it.
 *
 * @param thumbnail the page address of its thumbnail (for a signed-in member), null when not made yet
 * @param url       the signed address mail carries it by; null when this installation has no https public address
 */
public record TemplateImageChoice(UUID assetId, String name, Integer width, Integer height, String thumbnail,
        String url) {
}
