package io.flightdeck.shared.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code flightdeck.webhooks.*}.
 *
 * @param maxBodySize     the largest delivery body read (413 beyond); SendGrid batches events up to about 768 KB
 * @param keepDeliveries  how long a delivery id is remembered to drop resends; senders retry for a day or three
 */
@ConfigurationProperties("flightdeck.webhooks")
public record WebhookProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("P7D") Duration keepDeliveries) {
}
