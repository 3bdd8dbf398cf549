package io.flightdeck.content;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.flightdeck.assets.AssetCard;
import io.flightdeck.assets.AssetType;
import io.flightdeck.campaigns.Channel;
import org.jspecify.annotations.Nullable;

/**
 * One post as its network will show it, and nothing that is not posted: who posts it, the exact text that is sent, the
 * first comment where the network puts it, the files attached, and the length as the network counts it
 * ({@link NetworkLength}) against its limit. The creative editor, the creative's approval, the scheduled post's
 * preview and the sandbox's record all show this, through the one fragment
 * {@code templates/content/fragments/network-post.html} ({@code post(preview)}).
 *
 * @param networkName  how the network is named above the post: {@code X (Twitter)}, {@code LinkedIn (sandbox)}
 * @param accountName  who posts it: the account, or before there is one (the editor) the brand or the campaign
 * @param handle       the account's handle ({@code @name} on X); null when there is none
 * @param text         exactly what is sent
 * @param firstComment the first comment (a reply on X); null when none
 * @param media        the files attached, in order
 * @param when         when it goes out or went out; null when not scheduled
 * @param count        the text's length as the network counts it
 * @param limit        the network's limit; 0 when it sets none
 * @param foldAt       where LinkedIn folds the text behind …see more (an index into {@code text}); 0 when it does
 *                     not fold
 * @param commentLabel the first comment as the network names it
 * @param css          a class per network, {@code net-twitter}, {@code net-linkedin}, …
 */
public record NetworkPostPreview(Channel channel, String networkName, String accountName, @Nullable String handle,
        String text, @Nullable String firstComment, List<PreviewMedia> media, @Nullable Instant when, int count,
        int limit, boolean overLimit, int foldAt, String commentLabel, String css) {

    /** LinkedIn shows about this many characters of a post in the feed before …see more. */
    static final int LINKEDIN_FOLD = 210;

    public NetworkPostPreview {
        Objects.requireNonNull(channel, "channel");
        text = text == null ? "" : text;
        media = media == null ? List.of() : List.copyOf(media);
    }

    /**
     * A file attached to the post.
     *
     * @param imagePath the picture to show (a thumbnail, or a video's poster frame); null while there is none
     */
    public record PreviewMedia(UUID assetId, String name, @Nullable String imagePath, boolean video) {

        /** The attached files among {@code ids} that the directory knows, in their order. */
        public static List<PreviewMedia> of(Collection<UUID> ids, Map<UUID, AssetCard> cards) {
            return ids.stream().map(cards::get).filter(Objects::nonNull)
                    .map(c -> new PreviewMedia(c.id(), c.name(), c.previewPath(), c.type() == AssetType.VIDEO))
                    .toList();
        }
    }

    /**
     * The same post with its pictures at the given addresses (signed ones, for a reader without an account); a file
     * with no address there is shown by its name.
     */
    public NetworkPostPreview withPictures(Map<UUID, String> pictures) {
        List<PreviewMedia> signed = media.stream()
                .map(m -> new PreviewMedia(m.assetId(), m.name(), pictures.get(m.assetId()), m.video())).toList();
        return new NetworkPostPreview(channel, networkName, accountName, handle, text, firstComment, signed, when, count,
                limit, overLimit, foldAt, commentLabel, css);
    }

    public static NetworkPostPreview of(Channel channel, String networkName, String accountName, String handle,
            String text, String firstComment, List<PreviewMedia> media, Instant when) {
        String body = text == null ? "" : text;
        int count = NetworkLength.of(channel, body);
        int limit = NetworkLength.limit(channel);
        return new NetworkPostPreview(channel, networkName == null ? channel.label() : networkName,
                accountName == null || accountName.isBlank() ? channel.label() : accountName, handle(channel, handle),
                body, firstComment == null || firstComment.isBlank() ? null : firstComment, media, when, count, limit,
                limit > 0 && count > limit, channel == Channel.LINKEDIN ? foldAt(body) : 0,
                channel == Channel.TWITTER ? "Reply" : "First comment",
                "net-" + channel.name().toLowerCase(Locale.ROOT));
    }

    /** X shows a handle with its '@' whether or not the account was saved with one. */
    private static String handle(Channel channel, String handle) {
        if (handle == null || handle.isBlank()) {
            return null;
        }
        String h = handle.strip();
        return channel == Channel.TWITTER && !h.startsWith("@") ? "@" + h : h;
    }

    /** At the last whitespace before the fold, so no word is cut; 0 for a text short enough to show whole. */
    static int foldAt(String text) {
        if (text.length() <= LINKEDIN_FOLD) {
            return 0;
        }
        for (int i = LINKEDIN_FOLD; i > LINKEDIN_FOLD / 2; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        // one very long word: cut it, but never between the two halves of an emoji or other supplementary character
        return Character.isLowSurrogate(text.charAt(LINKEDIN_FOLD)) ? LINKEDIN_FOLD - 1 : LINKEDIN_FOLD;
    }

    public boolean folds() {
        return foldAt > 0;
    }

    /** The text before the fold; all of it when the network does not fold. */
    public String beforeFold() {
        return folds() ? text.substring(0, foldAt) : text;
    }

    public String afterFold() {
        return folds() ? text.substring(foldAt) : "";
    }

    /** Instagram leads with the picture, TikTok and YouTube with the video. */
    public boolean mediaFirst() {
        return channel == Channel.INSTAGRAM || channel == Channel.TIKTOK || channel == Channel.YOUTUBE;
    }

    /** TikTok and YouTube show the video above the account's name. */
    public boolean videoFirst() {
        return channel == Channel.TIKTOK || channel == Channel.YOUTUBE;
    }

    /**
     * The counter as the network's composer shows it: {@code 134/280}, {@code 1,204/3,000}; just the count without a
     * limit. ({@code}, not quotation marks: Modulith's documentation reads Javadoc with a JSON parser that trips over
     * a comma between quotation marks.)
     */
    public String counter() {
        return limit > 0 ? String.format(Locale.ROOT, "%,d/%,d", count, limit)
                : String.format(Locale.ROOT, "%,d", count);
    }

    public String initial() {
        return accountName.substring(0, accountName.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT);
    }
}
