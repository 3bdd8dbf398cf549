package io.flightdeck.email.settings;

/**
 * The settings as the page and the API show them: what was set (null where nothing was), what applies (with the
 * defaults), and the version an If-Match names.
 */
public record SenderSettingsView(String fromName, String fromAddress, String replyTo, String postalAddress,
        SenderSettings effective, long version) {
}
