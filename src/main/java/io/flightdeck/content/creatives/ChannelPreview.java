package io.flightdeck.content.creatives;

import java.util.List;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.NetworkPostPreview;
import io.flightdeck.content.brands.BrandFinding;

/**
 * The creative as one network will post it (its channel variant): the post itself (exactly what is sent, with the
 * hashtags the network takes and the creative's image or video, counted as the network counts), and what the brand
 * check found in it and in the parts that are not posted as text (headline, call to action, script).
 *
 * @param hashtags the hashtags the post carries
 */
public record ChannelPreview(Channel channel, NetworkPostPreview post, List<String> hashtags,
        List<BrandFinding> findings) {

    /** Exactly what is sent. */
    public String text() {
        return post.text();
    }

    /** The length as the network counts it. */
    public int chars() {
        return post.count();
    }

    /** The network's limit; 0 for none. */
    public int maxChars() {
        return post.limit();
    }

    public boolean blocked() {
        return findings.stream().anyMatch(BrandFinding::blocking);
    }
}
