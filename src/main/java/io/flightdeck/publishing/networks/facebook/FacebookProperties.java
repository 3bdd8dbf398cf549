package io.flightdeck.publishing.networks.facebook;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flightdeck.publishing.facebook.*}: this installation's Meta app (Facebook Login and the Graph API). Without an
 * app id and secret Facebook is listed but Pages cannot connect. Every address is a setting so that a test can point
 * the adapter at a fake.
 *
 * @param version                the Graph API version in every path; Meta serves each for about two years
 * @param graphUrl               the Graph API
 * @param videoUrl               Meta's host for video uploads ({@code graph-video})
 * @param ruploadUrl             Meta's host for Reels' file uploads
 * @param webUrl                 where the login dialog is, and the base of posts' addresses
 * @param timeout                how long one HTTP call to Meta may take
 * @param processingTimeout      how long a publish waits in total for Meta to take a Reel's upload before it gives up
 * @param lookupMargin           how far Meta's clock may differ from ours: an interrupted feed post is looked for from
 *                               this long before its attempt began
 * @param webhookVerifyToken     the token Meta's webhook subscription echoes in its {@code hub.verify_token}
 *                               handshake ({@code /webhooks/meta}); without it the handshake is refused
 */
@ConfigurationProperties("flightdeck.publishing.facebook")
record FacebookProperties(String appId, String appSecret, @DefaultValue("v24.0") String version,
        @DefaultValue("https://graph.facebook.com") URI graphUrl,
        @DefaultValue("https://graph-video.facebook.com") URI videoUrl,
        @DefaultValue("https://rupload.facebook.com") URI ruploadUrl,
        @DefaultValue("https://www.facebook.com") URI webUrl, @DefaultValue("PT60S") Duration timeout,
        @DefaultValue("PT2M") Duration processingTimeout, @DefaultValue("PT2M") Duration lookupMargin,
        String webhookVerifyToken) {

    boolean configured() {
        return appId != null && !appId.isBlank() && appSecret != null && !appSecret.isBlank();
    }

    @Override
    public String toString() {
        return "FacebookProperties[app " + appId + ", " + version + " at " + graphUrl + "]"; // never the secret
    }
}
