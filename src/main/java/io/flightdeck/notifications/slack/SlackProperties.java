package io.flightdeck.notifications.slack;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flightdeck.slack.*}: the Slack app Flightdeck installs into a workspace's Slack (its Basic Information page).
 * Without a client id the OAuth install is not offered and an incoming webhook is the way in.
 *
 * @param clientId      the app's client id; empty: no install button
 * @param clientSecret  the app's client secret
 * @param signingSecret verifies requests from Slack (button clicks)
 * @param apiBase       the Web API's base address
 * @param authorizeUrl  where a person grants the install
 * @param timeout       how long a call to Slack may take
 */
@ConfigurationProperties("flightdeck.slack")
record SlackProperties(@DefaultValue("") String clientId, @DefaultValue("") String clientSecret,
        @DefaultValue("") String signingSecret, @DefaultValue("https://slack.com/api/") URI apiBase,
        @DefaultValue("https://slack.com/oauth/v2/authorize") URI authorizeUrl, @DefaultValue("PT10S") Duration timeout) {

    /** The bot's scopes: post messages, and find members by the email Slack verified. */
    public static final String SCOPES = "chat:write,im:write,im:history,channels:history,users:read,users:read.email";

    public boolean installable() {
        return !clientId.isBlank() && !clientSecret.isBlank();
    }
}
