package io.flightdeck.notifications.slack;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in member's link to Slack.
 *
 * @param status    {@code none}, {@code proposed} (Slack found a user with their email; they have not confirmed) or
 *                  {@code linked}
 * @param available whether the workspace's Slack app is installed, without which there is nothing to link to
 */
public record SlackLinkView(String status, @Nullable String slackUserId, @Nullable String slackName,
        @Nullable Instant linkedAt, boolean available) {

    public boolean proposed() {
        return "proposed".equals(status);
    }

    public boolean linked() {
        return "linked".equals(status);
    }
}
