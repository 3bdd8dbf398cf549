package io.flightdeck.publishing.channels;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The choices an account's network offers for a post now (a format, TikTok's privacy level and switches), for the
 * composer and the API.
 *
 * @param unavailable why the network could not be asked (its words); null when it answered. The options are then
 *                    empty, and a post can still be scheduled: its network checks the choices when it goes out
 */
public record PostOptionsView(UUID accountId, String network, List<PostOption> options, @Nullable String unavailable) {
}
