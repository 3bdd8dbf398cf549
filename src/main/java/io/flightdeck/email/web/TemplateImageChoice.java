package io.flightdeck.email.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An image of the asset library as the template pickers offer it.
 *
 * @param thumbnail the page address of its thumbnail (for a signed-in member), null when not made yet
 * @param url       the signed address mail carries it by (recipients' mail apps show it only when this installation's
 *                  public address is https; previews and the outbox show it either way)
 */
record TemplateImageChoice(UUID assetId, String name, @Nullable Integer width, @Nullable Integer height,
        @Nullable String thumbnail, String url) {
}
