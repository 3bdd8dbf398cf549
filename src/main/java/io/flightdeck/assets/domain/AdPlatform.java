package io.flightdeck.assets.domain;

/** The ad platform a campaign space holds assets for (seed 004's list; the seed's lower-case names, upper-cased). */
public enum AdPlatform {
    GOOGLE_ADS, META, LINKEDIN, TWITTER, TIKTOK, SNAPCHAT, PINTEREST, REDDIT, AMAZON_ADS, MICROSOFT_ADS, YOUTUBE, OTHER;

    /** The campaign channel the platform's numbers count under in analytics; platforms without one keep their name. */
    public String channel() {
        return switch (this) {
            case GOOGLE_ADS, MICROSOFT_ADS -> "SEARCH_ADS";
            case META -> "FACEBOOK";
            default -> name();
        };
    }
}
