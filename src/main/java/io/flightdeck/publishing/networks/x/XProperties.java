package io.flightdeck.publishing.networks.x;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flightdeck.publishing.x.*}: this installation's app at X (OAuth 2.0 client, API v2). Without a client id X is
 * listed but accounts cannot connect.
 *
 * @param clientSecret           null for a public client (no secret; PKCE alone)
 * @param timeout                how long one HTTP call to X may take
 * @param mediaProcessingTimeout how long a publish waits in total for X to process a video or GIF before it gives up
 *                               and lets the scheduler try again later
 * @param lookupMargin           how far X's clock may differ from ours and its timeline lag a new post: an
 *                               interrupted attempt is looked for from this long before it started to this long after
 *                               the latest moment it could have created the post, and "not there" is only trusted once
 *                               that end has passed
 * @param createWithin           how long after its attempt began a post with media may still be created: uploading
 *                               that took longer stops before the post is created (nothing is on X; it is tried again
 *                               later), so an interrupted attempt is looked for in a window of known size. A text-only
 *                               post must be created within {@code timeout} of its attempt's start
 */
@ConfigurationProperties("flightdeck.publishing.x")
record XProperties(String clientId, String clientSecret, @DefaultValue("https://api.x.com") URI apiUrl,
        @DefaultValue("https://x.com/i/oauth2/authorize") URI authorizeUrl, @DefaultValue("PT30S") Duration timeout,
        @DefaultValue("PT2M") Duration mediaProcessingTimeout, @DefaultValue("PT1M") Duration lookupMargin,
        @DefaultValue("PT10M") Duration createWithin) {

    boolean configured() {
        return clientId != null && !clientId.isBlank();
    }

    boolean confidential() {
        return clientSecret != null && !clientSecret.isBlank();
    }
}
