package io.flightdeck.email.settings;

import org.jspecify.annotations.Nullable;

/**
 * The settings as the page and the API show them: what was set (null where nothing was), what applies (with the
 * defaults), and the version an If-Match names.
 */
public record SenderSettingsView(@Nullable String fromName, @Nullable String fromAddress, @Nullable String replyTo,
        @Nullable String postalAddress, SenderSettings effective, long version) {
}
