package io.flightdeck.email.delivery;

import java.util.Objects;

/**
 * The provider a workspace sends with and its keys, decrypted: for the sending job only, never shown or logged
 * ({@code toString} names the provider alone).
 *
 * @param version changes whenever the settings do, so a client built for older keys is not reused
 */
public record ProviderAccount(DeliveryProvider provider, long version, String mailjetApiKey, String mailjetSecretKey,
        String sendgridApiKey) {

    public ProviderAccount {
        Objects.requireNonNull(provider);
    }

    @Override
    public String toString() {
        return "ProviderAccount[" + provider + ", version " + version + "]";
    }
}
