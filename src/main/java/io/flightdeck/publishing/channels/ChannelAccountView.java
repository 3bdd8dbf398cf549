package io.flightdeck.publishing.channels;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A connected account as people and other parts of publishing see it: never its tokens.
 *
 * @param handle         the account's name on the network (@name, a page or organization name); null for the sandbox
 * @param tokenExpiresAt null when the token does not expire (or there is none)
 */
public record ChannelAccountView(UUID id, String network, String networkName, Channel channel, String channelLabel,
        String displayName, @Nullable String handle, String timeZone, ChannelHealth health, String healthLabel,
        @Nullable String healthReason, @Nullable Instant tokenExpiresAt, Map<String, Object> settings,
        Instant connectedAt, boolean disconnected, long version) {

    static ChannelAccountView of(ChannelAccount a, String networkName) {
        return new ChannelAccountView(a.getId(), a.getNetwork(), networkName, a.getChannel(), a.getChannel().label(),
                a.getDisplayName(), a.getHandle(), a.getZone().getId(), a.getHealth(), a.getHealth().label(),
                a.getHealthReason(), a.getTokenExpiresAt(), Map.copyOf(a.getSettings()), a.getConnectedAt(),
                a.isDeleted(), a.getVersion());
    }

    /** Whether posts can go out through it now. */
    public boolean canPost() {
        return !disconnected && health != ChannelHealth.BROKEN;
    }
}
