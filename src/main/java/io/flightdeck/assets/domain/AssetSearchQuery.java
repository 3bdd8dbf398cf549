package io.flightdeck.assets.domain;

import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetType;

/**
 * A search of the library: seed 001's filters (the workspace, always; archived or not; type; all of the tags; the
 * file name case-insensitively), where the asset is used (a campaign, a space, the spaces' platforms) and ranked
 * full text. Every field is optional; collections may be null.
 *
 * @param text       words for the full-text search (title, headline, description, copy, call to action, name); blank
 *                   lists everything, newest first
 * @param types      any of these types
 * @param tags       all of these tags
 * @param platforms  used in a space of any of these platforms
 * @param name       part of the file name, any case
 * @param archived   archived assets only when true; live ones otherwise
 * @param textInNames the text also finds assets whose file name contains it as typed, any case (the library page's
 *                    search box, where people type parts of file names such as {@code IMG_20} or {@code harb}, which
 *                    the word index cannot find: it keeps {@code leaves.jpg} as one word); the API leaves this off
 */
public record AssetSearchQuery(String text, Set<AssetType> types, Set<String> tags, Set<AdPlatform> platforms,
        UUID spaceId, UUID campaignId, String name, Boolean archived, Order order, boolean textInNames) {

    public AssetSearchQuery(String text, Set<AssetType> types, Set<String> tags, Set<AdPlatform> platforms,
            UUID spaceId, UUID campaignId, String name, Boolean archived, Order order) {
        this(text, types, tags, platforms, spaceId, campaignId, name, archived, order, false);
    }

    public enum Order {
        /** the best matches first (newest first among equals, and when there is no text) */
        RELEVANCE,
        /** the latest uploads first */
        NEWEST
    }

    boolean hasText() {
        return text != null && !text.isBlank();
    }
}
