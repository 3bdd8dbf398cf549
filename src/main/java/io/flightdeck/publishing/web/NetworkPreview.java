package io.flightdeck.publishing.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.PlatformLimits;
import io.flightdeck.publishing.posts.PostLength;

/**
 * A post as its network will show it: the account's name and handle, the text as the network counts it against its
 * limit (X counts every link as 23 characters, whatever its length), where LinkedIn folds a long text behind "…see
 * more", the pictures, and the first comment where the network puts it (a reply on X, a comment elsewhere).
 *
 * @param media the attached assets that can be shown (those with a thumbnail or poster)
 */
public record NetworkPreview(String accountName, String handle, String networkName, Channel channel, String text,
        String firstComment, List<AssetCard> media, Instant when, int chars, int maxChars) {

    /** LinkedIn shows about this much of a post in the feed before "…see more". */
    static final int LINKEDIN_FOLD = 210;

    static NetworkPreview of(String accountName, String handle, String networkName, Channel channel, String text,
            String firstComment, List<UUID> mediaIds, Map<UUID, AssetCard> cards, Instant when) {
        List<AssetCard> shown = mediaIds.stream().map(cards::get)
                .filter(c -> c != null && c.previewPath() != null).toList();
        String body = text == null ? "" : text;
        return new NetworkPreview(accountName, handle, networkName, channel, body, firstComment, shown, when,
                count(channel, body), PlatformLimits.of(channel).maxChars());
    }

    /** Characters as the network counts them. */
    static int count(Channel channel, String text) {
        return PostLength.of(channel, text);
    }

    public boolean overLimit() {
        return maxChars > 0 && chars > maxChars;
    }

    /** The part shown before the network's fold; all of it when the network does not fold. */
    public String beforeFold() {
        return folds() ? text.substring(0, foldAt()) : text;
    }

    public String afterFold() {
        return folds() ? text.substring(foldAt()) : "";
    }

    public boolean folds() {
        return channel == Channel.LINKEDIN && text.length() > LINKEDIN_FOLD;
    }

    /** The first comment's label as the network has it. */
    public String commentLabel() {
        return channel == Channel.TWITTER ? "Reply" : "First comment";
    }

    public String initial() {
        return accountName == null || accountName.isBlank() ? "?" : accountName.substring(0, 1).toUpperCase();
    }

    public String css() {
        return "net-" + channel.name().toLowerCase();
    }

    private int foldAt() {
        // at a word boundary so the fold never cuts a word
        int space = text.lastIndexOf(' ', LINKEDIN_FOLD);
        return space > LINKEDIN_FOLD / 2 ? space : LINKEDIN_FOLD;
    }
}
