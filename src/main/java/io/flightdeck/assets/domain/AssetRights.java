package io.flightdeck.assets.domain;

import java.time.LocalDate;
import java.util.Set;

import io.flightdeck.campaigns.Channel;

/**
 * Usage rights: the licence, who owns the rights and how to credit them, the channels the licence allows (none listed:
 * every channel) and the day after which the asset may no longer be used.
 */
public record AssetRights(String licence, String holder, String credit, LocalDate expiresOn, Set<Channel> allowedChannels) {

    public static AssetRights none() {
        return new AssetRights(null, null, null, null, Set.of());
    }

    public boolean allows(Channel channel) {
        return allowedChannels == null || allowedChannels.isEmpty() || allowedChannels.contains(channel);
    }
}
