package io.flightdeck.content.creatives;

import java.util.List;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.brands.BrandFinding;

/**
 * The creative as one network shows it (its channel variant): the post's text with the hashtags the network takes,
 * its length against the limit, and what the brand check found in it.
 *
 * @param maxChars 0 when the network sets no limit
 */
public record ChannelPreview(Channel channel, String headline, String text, String cta, int chars, int maxChars,
        List<String> hashtags, List<BrandFinding> findings) {

    public boolean blocked() {
        return findings.stream().anyMatch(BrandFinding::blocking);
    }
}
