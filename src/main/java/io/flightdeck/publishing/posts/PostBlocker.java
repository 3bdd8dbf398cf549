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

    /**
     * Something a person has to clear (an approval, an account, an asset's rights), as opposed to the campaign's own
     * state (paused, not yet active, deleted), which someone chose and was told about.
     */
    public boolean needsPerson() {
        return !key.startsWith("campaign-");
    }
}
