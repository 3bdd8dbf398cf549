package io.flightdeck.assets.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import io.flightdeck.campaigns.Channel;
import org.jspecify.annotations.Nullable;

/**
 * Usage rights: the licence, who owns the rights and how to credit them, the channels the licence allows (none listed:
 * every channel) and the day after which the asset may no longer be used.
 */
public record AssetRights(@Nullable String licence, @Nullable String holder, @Nullable String credit,
        @Nullable LocalDate expiresOn, Set<Channel> allowedChannels) {

    public static AssetRights none() {
        return new AssetRights(null, null, null, null, Set.of());
    }

    public boolean allows(Channel channel) {
        return allowedChannels == null || allowedChannels.isEmpty() || allowedChannels.contains(channel);
    }

    /** The rights ended before this day: the asset may no longer be used. */
    boolean expiredBy(LocalDate day) {
        return expiresOn != null && expiresOn.isBefore(day);
    }

    /** The rights still hold on {@code day} but end before {@code end} (a campaign's last day, say). */
    boolean endBetween(LocalDate day, LocalDate end) {
        return expiresOn != null && !expiresOn.isBefore(day) && expiresOn.isBefore(end);
    }

    /** Those of the channels the licence does not allow, in the channels' order. */
    Set<Channel> refused(Set<Channel> channels) {
        if (allowedChannels == null || allowedChannels.isEmpty() || channels.isEmpty()) {
            return Set.of();
        }
        EnumSet<Channel> outside = EnumSet.copyOf(channels);
        outside.removeAll(allowedChannels);
        return outside;
    }
}
