package io.flightdeck.notifications.slack;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What Settings → Slack shows: whether the workspace is connected and how (the app, or an incoming webhook), to
 * which Slack and channel, since when, how many members linked themselves, and whether this installation offers the
 * app's install at all (it needs the app's client id and secret).
 *
 * @param mode {@code app}, {@code webhook}, or null when not connected
 */
public record SlackConnectionView(boolean connected, @Nullable String mode, @Nullable String teamName,
        @Nullable String webhookChannel, @Nullable Instant connectedAt, long linkedMembers, boolean installable) {

    public boolean app() {
        return "app".equals(mode);
    }
}
