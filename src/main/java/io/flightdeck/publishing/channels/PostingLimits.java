package io.flightdeck.publishing.channels;

import java.util.List;
import java.util.Map;

/**
 * How much an account may publish, as its network reports it now, for the check of a campaign's scheduled week before
 * launch: Instagram's {@code content_publishing_limit}, Facebook's Reels per day, TikTok's creator settings and the
 * app's audit state.
 *
 * @param postsPerDay      posts in any 24 hours; null when the network sets no such limit (or does not say)
 * @param usedToday        of those, already used in the last 24 hours; 0 when unknown
 * @param perDayByFormat   a tighter limit for one {@link PostOption#FORMAT} value (Facebook Reels), by that value
 * @param accountBlockers  what stops the account from publishing what is planned, with the fix in words (an unaudited
 *                         TikTok app posts only privately); empty when none
 */
public record PostingLimits(Integer postsPerDay, int usedToday, Map<String, Integer> perDayByFormat,
        List<String> accountBlockers) {

    public static final PostingLimits NONE = new PostingLimits(null, 0, Map.of(), List.of());

    public PostingLimits {
        perDayByFormat = Map.copyOf(perDayByFormat);
        accountBlockers = List.copyOf(accountBlockers);
    }
}
