package io.flightdeck.publishing.channels;

import io.flightdeck.campaigns.Channel;

/**
 * An account a token can post as.
 *
 * @param externalId the network's id as the adapter's calls need it (an X user id, a LinkedIn person or organization URN)
 * @param handle     the public name (@handle, a vanity name); null when there is none
 * @param kind       a word for people: "user", "member", "organization"
 */
public record NetworkAccount(String externalId, String displayName, String handle, String kind, Channel channel) {
}
