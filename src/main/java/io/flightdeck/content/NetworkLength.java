package io.flightdeck.content;

import com.twitter.twittertext.TwitterTextParser;
import io.flightdeck.campaigns.Channel;

/**
 * A post's length as its network counts it, against the limit in {@link PlatformLimits}. The preview shows this count,
 * and the scheduler refuses a post over the limit with the same count, so what the counter says is what the network
 * will say.
 * <p>
 * X counts with its published weighted rules (twitter-text's version 3 configuration): a character in the Latin,
 * Greek, Cyrillic, Hebrew, Arabic and similar ranges and most general punctuation weighs 1, anything else (CJK, Korean,
 * Japanese) 2; an emoji, whatever number of code points makes it (skin tones, ZWJ families, flags), 2; every link,
 * whatever its length, 23, including a bare domain such as {@code example.com/x} that X links by itself. The text is
 * normalised to NFC first, as X does. We use the official twitter-text library for this rather than a copy of its
 * rules, because its URL and emoji recognisers are most of the work and must match X's exactly.
 * <p>
 * The other networks count code points (an emoji made of several counts as several, as LinkedIn's and Instagram's
 * editors do), links as written.
 */
public final class NetworkLength {

    private NetworkLength() {
    }

    /** The length of {@code text} as {@code channel} counts it; 0 for null. */
    public static int of(Channel channel, String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        text = oneCharacterLineBreaks(text);
        if (channel == Channel.TWITTER) {
            return TwitterTextParser.parseTweet(text).weightedLength;
        }
        return text.codePointCount(0, text.length());
    }

    /**
     * The text with each line break as the networks take it, one {@code \n}. A browser sends a text area's breaks as
     * {@code \r\n}, so the same copy typed into a form and made by the generator would count (and be stored) apart:
     * 4 more of 280 for four breaks between the composer and the approval.
     */
    public static String oneCharacterLineBreaks(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The network's limit on one post's text; 0 when it sets none. */
    public static int limit(Channel channel) {
        return PlatformLimits.of(channel).maxChars();
    }

    /** Whether the text is longer than the network takes. */
    public static boolean over(Channel channel, String text) {
        int limit = limit(channel);
        return limit > 0 && of(channel, text) > limit;
    }
}
