package io.flightdeck.publishing.channels;

/**
 * Where a post is on its network.
 *
 * @param url       its public address; null when the network gives none
 * @param commentId the first comment's id; null when there was none or it could not be posted
 */
public record PublishedPost(String externalId, String url, String commentId) {
}
