package io.flightdeck.publishing.posts;

import java.util.regex.Pattern;

import io.flightdeck.campaigns.Channel;

/** A post's length as its network counts it: X counts every link as 23 characters whatever its length. */
public final class PostLength {

    private static final int X_LINK_LENGTH = 23;
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private PostLength() {
    }

    public static int of(Channel channel, String text) {
        if (channel == Channel.TWITTER) {
            String withoutLinks = LINK.matcher(text).replaceAll("");
            long links = LINK.matcher(text).results().count();
            return withoutLinks.codePointCount(0, withoutLinks.length()) + (int) links * X_LINK_LENGTH;
        }
        return text.codePointCount(0, text.length());
    }
}
