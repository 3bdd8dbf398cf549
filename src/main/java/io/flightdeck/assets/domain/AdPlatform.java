package io.flightdeck.assets.domain;

/** The ad platform a campaign space holds assets for (seed 004's list; the seed's lower-case names, upper-cased). */
public enum AdPlatform {
    GOOGLE_ADS, META, LINKEDIN, TWITTER, TIKTOK, SNAPCHAT, PINTEREST, REDDIT, AMAZON_ADS, MICROSOFT_ADS, YOUTUBE, OTHER
}
