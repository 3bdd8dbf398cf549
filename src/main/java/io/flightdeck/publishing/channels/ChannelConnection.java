package io.flightdeck.publishing.channels;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;

/**
 * A connected account as an adapter sees it, its token decrypted for the call.
 *
 * @param handle      the account's public name (@name, a vanity name); null when it has none
 * @param externalId  the network's id of the account (an X user id, a LinkedIn person or organization URN)
 * @param accessToken null for the sandbox
 * @param settings    the adapter's own settings for the account (the sandbox's failure mode, say)
 */
public record ChannelConnection(UUID accountId, UUID workspaceId, String network, Channel channel, String displayName,
        String handle, String externalId, String accessToken, ZoneId timeZone, Map<String, Object> settings) {

    @Override
    public String toString() {
        // never a token in a log line
        return "ChannelConnection[" + network + " " + displayName + " " + accountId + "]";
    }
}
