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
 * @param lookupMargin           how far X's clock and timeline may lag ours: a post that was cut off is looked for
 *                               from this long before its attempt started, and "not there" is only trusted once the
 *                               attempt started at least this long ago
 */
@ConfigurationProperties("flightdeck.publishing.x")
public record XProperties(String clientId, String clientSecret, @DefaultValue("https://api.x.com") URI apiUrl,
        @DefaultValue("https://x.com/i/oauth2/authorize") URI authorizeUrl, @DefaultValue("PT30S") Duration timeout,
        @DefaultValue("PT2M") Duration mediaProcessingTimeout, @DefaultValue("PT1M") Duration lookupMargin) {

    boolean configured() {
        return clientId != null && !clientId.isBlank();
    }

    boolean confidential() {
        return clientSecret != null && !clientSecret.isBlank();
    }
}
