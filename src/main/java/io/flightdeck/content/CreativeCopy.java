package io.flightdeck.content;

import java.util.Optional;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;

/** A creative as a post on one network: what the scheduler sends. For the current workspace. */
public interface CreativeCopy {

    /** The creative's text for this channel (its channel variant) and its media; empty when it is gone or in the trash. */
    Optional<PostCopy> forChannel(UUID creativeId, Channel channel);

    /**
     * @param text          the post's text with the hashtags the network takes, as the editor previews it
     * @param maxChars      the network's limit; 0 for none
     * @param imageAssetId  null when the creative has no image
     * @param videoAssetId  null when it has no video
     * @param brandBlocked  whether the brand check found something that must be fixed first
     */
    record PostCopy(UUID creativeId, UUID campaignId, String title, Channel channel, String text, int maxChars,
            UUID imageAssetId, UUID videoAssetId, CreativeStatus status, boolean brandBlocked) {
    }
}
