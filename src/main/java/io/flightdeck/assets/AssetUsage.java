package io.flightdeck.assets;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;

/**
 * What publishing checks before an asset goes out: until when its rights run and on which channels.
 *
 * @param rightsExpireOn  the last day the asset may be used; null for no end
 * @param allowedChannels empty when the licence allows every channel
 */
public record AssetUsage(UUID id, String name, LocalDate rightsExpireOn, Set<Channel> allowedChannels,
        boolean archived) {

    /** Whether the asset may be used on this channel on this day. */
    public boolean usableOn(Channel channel, LocalDate day) {
        boolean inTime = rightsExpireOn == null || !day.isAfter(rightsExpireOn);
        boolean onChannel = allowedChannels == null || allowedChannels.isEmpty() || allowedChannels.contains(channel);
        return inTime && onChannel;
    }
}
