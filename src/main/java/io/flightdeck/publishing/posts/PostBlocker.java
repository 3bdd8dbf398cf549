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

    /**
     * Whether a post held by {@code blockers} waits on a person: something a person must clear holds it, and the
     * campaign's own state does not. A draft's post also waits for its approvals, but a draft is not blocked: it is not
     * launched yet, and the owner hears of the approvals when its launch is what they hold up.
     */
    static boolean waitOnPerson(java.util.List<PostBlocker> blockers) {
        return blockers.stream().anyMatch(PostBlocker::needsPerson)
                && blockers.stream().allMatch(PostBlocker::needsPerson);
    }
}
