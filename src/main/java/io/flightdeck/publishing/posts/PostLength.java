package io.flightdeck.publishing.posts;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.NetworkLength;

/**
 * A post's length as its network counts it (X's weighted count, every link as 23). The counting lives in content's
 * {@link NetworkLength}, so that the preview a person reads and the check before sending never disagree.
 */
final class PostLength {

    private PostLength() {
    }

    public static int of(Channel channel, String text) {
        return NetworkLength.of(channel, text);
    }
}
