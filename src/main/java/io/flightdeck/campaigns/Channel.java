package io.flightdeck.campaigns;

/** Where a campaign runs. Publishing adapters arrive with the publishing and email modules. */
public enum Channel {
    EMAIL("Email"),
    FACEBOOK("Facebook"),
    INSTAGRAM("Instagram"),
    LINKEDIN("LinkedIn"),
    TWITTER("X (Twitter)"),
    TIKTOK("TikTok"),
    YOUTUBE("YouTube"),
    BLOG("Blog"),
    SEARCH_ADS("Search ads");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
