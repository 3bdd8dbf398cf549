package io.flightdeck.publishing.networks.instagram;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flightdeck.publishing.instagram.*}: this installation's app at Meta for the Instagram API with Instagram
 * Login. Without a client id and secret Instagram is listed but accounts cannot connect. Every address is a setting so
 * that a test (or the crash harness, from another JVM) can point them at a fake.
 *
 * @param version       the Graph API version in the path of versioned calls ({@code v25.0})
 * @param graphUrl      {@code graph.instagram.com}: accounts, containers, publishing, insights, tokens kept and renewed
 * @param apiUrl        {@code api.instagram.com}: where the code is exchanged for a short-lived token
 * @param authorizeUrl  {@code www.instagram.com}: where a person grants access
 * @param uploadUrl     {@code rupload.facebook.com}: where a video's bytes go
 * @param timeout       how long one HTTP call may take
 * @param uploadTimeout how long sending one video's bytes may take
 * @param containerWait how long a publish waits in total for Instagram to finish a container before it gives up (and
 *                      the scheduler tries again later; nothing is published then)
 * @param pollInterval  the pause between two questions about a container's status
 * @param lookupMargin  how far Instagram's clock may differ from ours when an interrupted attempt's post is looked for
 */
@ConfigurationProperties("flightdeck.publishing.instagram")
record InstagramProperties(String clientId, String clientSecret, @DefaultValue("v25.0") String version,
        @DefaultValue("https://graph.instagram.com") URI graphUrl,
        @DefaultValue("https://api.instagram.com") URI apiUrl,
        @DefaultValue("https://www.instagram.com") URI authorizeUrl,
        @DefaultValue("https://rupload.facebook.com") URI uploadUrl, @DefaultValue("PT30S") Duration timeout,
        @DefaultValue("PT10M") Duration uploadTimeout, @DefaultValue("PT5M") Duration containerWait,
        @DefaultValue("PT5S") Duration pollInterval, @DefaultValue("PT2M") Duration lookupMargin) {

    boolean configured() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }

    @Override
    public String toString() {
        // never the secret in a log line
        return "InstagramProperties[" + clientId + " " + version + " at " + graphUrl + "]";
    }
}
