package io.flightdeck.email.delivery;

import java.net.URI;
import java.time.Duration;

import io.flightdeck.email.providers.MailjetSendApi;
import io.flightdeck.email.providers.SendGridMailApi;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the providers' APIs live and how long a call may wait ({@code flightdeck.email.providers.*}). The addresses
 * are the providers' own unless a test points them at a local fake (or an installation at a regional endpoint, such
 * as SendGrid's {@code https://api.eu.sendgrid.com/}).
 *
 * @param mailjetBaseUrl  Mailjet's API, {@code https://api.mailjet.com/}
 * @param sendgridBaseUrl SendGrid's API, {@code https://api.sendgrid.com/}
 * @param timeout         how long one call may wait for its answer
 * @param lookUpAfter     how long after its hand-over a Mailjet message left in doubt is looked up, so that
 *                        Mailjet's message list has caught up; one not found then is sent again
 */
@ConfigurationProperties("flightdeck.email.providers")
record ProviderProperties(URI mailjetBaseUrl, URI sendgridBaseUrl, Duration timeout, Duration lookUpAfter) {

    ProviderProperties {
        mailjetBaseUrl = mailjetBaseUrl == null ? MailjetSendApi.DEFAULT_BASE : mailjetBaseUrl;
        sendgridBaseUrl = sendgridBaseUrl == null ? SendGridMailApi.DEFAULT_BASE : sendgridBaseUrl;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        lookUpAfter = lookUpAfter == null ? Duration.ofMinutes(10) : lookUpAfter;
    }
}
