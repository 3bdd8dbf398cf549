package io.flightdeck.publishing.channels;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.channels.OAuthChannelAdapter.KeptToken;

/**
 * An account a token can post as.
 *
 * @param externalId the network's id as the adapter's calls need it (an X user id, a LinkedIn person or organization URN)
 * @param handle     the public name (@handle, a vanity name); null when there is none
 * @param kind       a word for people: "user", "member", "organization"
 * @param token      the account's own token when the network gives one per account (a Facebook Page's token), kept
 *                   by the account instead of the person's grant; null when the account posts with the grant. Never
 *                   written with the candidates a person picks from: {@link ChannelConnects#choose} asks the network
 *                   again
 */
public record NetworkAccount(String externalId, String displayName, String handle, String kind, Channel channel,
        @JsonIgnore KeptToken token) {

    /** An account that posts with the person's grant. */
    public NetworkAccount(String externalId, String displayName, String handle, String kind, Channel channel) {
        this(externalId, displayName, handle, kind, channel, null);
    }
}
