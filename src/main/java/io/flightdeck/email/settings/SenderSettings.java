package io.flightdeck.email.settings;

import org.jspecify.annotations.Nullable;

/**
 * Who a workspace's campaign mail comes from and the postal address its footer carries, defaults filled in.
 * {@code complete} is false until a postal address is set: the law in most places wants one in every campaign mail.
 */
public record SenderSettings(String fromName, String fromAddress, @Nullable String replyTo, String postalAddress,
        boolean complete) {
}
