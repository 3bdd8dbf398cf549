package io.flightdeck.content.generation;

import io.flightdeck.campaigns.Channel;

/** What a long text is turned into (seed 002): one format per network, with the network's own shape. */
public enum RepurposeFormat {
    LINKEDIN_POST(Channel.LINKEDIN, "LinkedIn post"),
    INSTAGRAM_CAPTION(Channel.INSTAGRAM, "Instagram caption"),
    TIKTOK_SCRIPT(Channel.TIKTOK, "TikTok script"),
    X_THREAD(Channel.TWITTER, "X thread"),
    EMAIL_SECTION(Channel.EMAIL, "Email newsletter section");

    private final Channel channel;
    private final String label;

    RepurposeFormat(Channel channel, String label) {
        this.channel = channel;
        this.label = label;
    }

    public Channel channel() {
        return channel;
    }

    public String label() {
        return label;
    }
}
