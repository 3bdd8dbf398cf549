package io.flightdeck.content;

import io.flightdeck.campaigns.Channel;

/**
 * The hard limits a network puts on a post, as its documentation states them. A generator never exceeds them and the
 * brand check reports a text that does.
 *
 * @param maxChars    characters in one post's text, hashtags included (X: per post of a thread); 0 for no limit
 * @param maxHashtags hashtags in one post; 0 for no limit
 * @param headlineMax characters in a headline or title; 0 for no limit
 */
public record PlatformLimits(Channel channel, int maxChars, int maxHashtags, int headlineMax) {

    public static final PlatformLimits NONE = new PlatformLimits(null, 0, 0, 0);

    public static PlatformLimits of(Channel channel) {
        if (channel == null) {
            return NONE;
        }
        return switch (channel) {
            case TWITTER -> new PlatformLimits(channel, 280, 0, 0);
            case LINKEDIN -> new PlatformLimits(channel, 3_000, 0, 0);
            case INSTAGRAM -> new PlatformLimits(channel, 2_200, 30, 0);
            case TIKTOK -> new PlatformLimits(channel, 2_200, 0, 0);
            case FACEBOOK -> new PlatformLimits(channel, 63_206, 0, 0);
            // a video's title and description
            case YOUTUBE -> new PlatformLimits(channel, 5_000, 15, 100);
            // a subject line past 150 characters is cut by every mail client we know of
            case EMAIL -> new PlatformLimits(channel, 0, 0, 150);
            // responsive search ads: 90 per description, 30 per headline
            case SEARCH_ADS -> new PlatformLimits(channel, 90, 0, 30);
            case BLOG -> new PlatformLimits(channel, 0, 0, 0);
        };
    }

    public boolean limitsChars() {
        return maxChars > 0;
    }
}
