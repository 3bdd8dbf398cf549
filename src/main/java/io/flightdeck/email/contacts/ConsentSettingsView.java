package io.flightdeck.email.contacts;

/**
 * A workspace's consent settings.
 *
 * @param doubleOptIn        contacts added by a form or through the API wait (PENDING) until they confirm a link
 *                           mailed to them
 * @param keepConsentAddress the IP address a confirmation came from is kept with the consent as evidence
 * @param version            for If-Match
 */
public record ConsentSettingsView(boolean doubleOptIn, boolean keepConsentAddress, long version) {
}
