package io.flightdeck.publishing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A post fell due and cannot go out: something blocks it (a scope not approved, an account that cannot post, an
 * asset whose rights ended). Raised once when the post starts waiting, not on every recheck; a post that waits
 * again after it was cleared raises it again.
 *
 * @param reasons each blocker in the words the post's log shows
 * @param fixLink where a person clears the first blocker (a path in Flightdeck), or null
 */
@DomainEvent
public record PostBlocked(UUID workspaceId, UUID postId, UUID channelPostId, UUID campaignId, Channel channel,
        String postTitle, List<String> reasons, String fixLink, Instant at) {
}
