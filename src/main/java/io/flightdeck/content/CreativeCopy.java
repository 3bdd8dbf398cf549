package io.flightdeck.content;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.creatives.CreativeStatus;

/**
 * A creative as a post on one network: what the scheduler sends, and the changes a post makes to the creative behind
 * it. A post always carries a creative (one is made behind a post written as text) and the creative's revision, so
 * its review covers exactly what goes out. For the current workspace.
 */
public interface CreativeCopy {

    /** The creative's text for this channel (its channel variant) and its media; empty when it is gone or in the trash. */
    Optional<PostCopy> forChannel(UUID creativeId, Channel channel);

    /**
     * A creative behind a post written as text: its caption is the text, it is for the given networks, and it goes to
     * content review like any creative (when the workspace reviews content).
     *
     * @return the new creative's id
     */
    UUID createForPost(UUID campaignId, String title, Set<Channel> channels, String text);

    /**
     * A post's copy for one network was changed: it becomes the creative's own text for that network, a new revision
     * that goes to review. Blank text gives the network the caption and hashtags again.
     *
     * @return the network's copy now
     */
    PostCopy writeChannelText(UUID creativeId, Channel channel, String text);

    /**
     * A post is about to carry the creative: a draft goes to review now (when the workspace reviews content), so the
     * post does not wait on a review nobody asked for. A creative in review or decided stays as it is.
     */
    void submitForPosting(UUID creativeId);

    /**
     * @param text          the post's text exactly as the network is sent it (the network's own text, or the caption
     *                      with the hashtags the network takes)
     * @param maxChars      the network's limit; 0 for none
     * @param imageAssetId  null when the creative has no image
     * @param videoAssetId  null when it has no video
     * @param brandBlocked  whether the brand check found something that must be fixed first
     * @param revision      the creative's revision this copy is of: a post records it
     * @param media         what to attach on this network: the video where the network takes one, else the rendered
     *                      size of the image that suits the network best, else the image; empty when none
     * @param networks      the networks the creative is written for (the composer ticks their accounts)
     */
    record PostCopy(UUID creativeId, UUID campaignId, String title, Channel channel, String text, int maxChars,
            UUID imageAssetId, UUID videoAssetId, CreativeStatus status, boolean brandBlocked, int revision,
            List<UUID> media, Set<Channel> networks) {
    }
}
