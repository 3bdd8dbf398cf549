package io.flightdeck.publishing.posts;

/**
 * Why a due post waits: the campaign is not active, a scope is not approved, the account cannot post, an asset's
 * rights ended.
 *
 * @param key     stable: {@code campaign-not-active}, {@code approval:<scope>}, {@code channel-health},
 *                {@code asset-rights:<asset id>}
 * @param fixLink where a person clears it
 */
public record PostBlocker(String key, String message, String fixLink) {
}
