package io.flightdeck.publishing.networks.linkedin;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flightdeck.publishing.linkedin.*}: this installation's app at LinkedIn. Without a client id and secret the
 * network is listed but accounts cannot connect.
 *
 * @param version LinkedIn-Version sent on every {@code /rest} call (YYYYMM). LinkedIn serves each monthly version for
 *                about a year, then answers 426: move it forward before then.
 * @param timeout how long one call may take before it counts as unanswered
 */
@ConfigurationProperties("flightdeck.publishing.linkedin")
record LinkedInProperties(String clientId, String clientSecret,
        @DefaultValue("https://api.linkedin.com") URI apiUrl,
        @DefaultValue("https://www.linkedin.com/oauth/v2") URI authUrl,
        @DefaultValue("202601") String version,
        @DefaultValue("PT30S") Duration timeout) {

    @Override
    public String toString() {
        // never the client secret in a log line
        return "LinkedInProperties[clientId=" + clientId + ", apiUrl=" + apiUrl + ", version=" + version + "]";
    }
}
