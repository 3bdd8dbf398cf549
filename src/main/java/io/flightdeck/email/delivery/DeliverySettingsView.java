package io.flightdeck.email.delivery;

import org.jspecify.annotations.Nullable;

/**
 * The delivery settings as the page and the API show them: the provider, the keys masked (a key is never shown again
 * once saved), SendGrid's public verification key, and the addresses to paste into each provider's event webhook
 * settings. The Mailjet address carries its Basic credentials for admins only (they set it up); others see them
 * masked. The addresses are null until the settings were first saved.
 *
 * @param mailjetApiKey  the stored key's last characters behind dots, or null when none is stored
 * @param version        what an If-Match names: 0 before anything was saved
 */
public record DeliverySettingsView(DeliveryProvider provider, @Nullable String mailjetApiKey,
        @Nullable String mailjetSecretKey, @Nullable String sendgridApiKey, @Nullable String sendgridVerificationKey,
        @Nullable String mailjetEventUrl, @Nullable String sendgridEventUrl, long version) {
}
