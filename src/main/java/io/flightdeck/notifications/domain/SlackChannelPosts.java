package io.flightdeck.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.flightdeck.notifications.slack.SlackApiException;
import io.flightdeck.notifications.slack.SlackBlocks;
import io.flightdeck.notifications.slack.SlackWebApi;
import org.springframework.stereotype.Component;

/**
 * An outgoing webhook's message posted to a Slack channel by the installed app (chat.postMessage), naming its
 * webhook-id in Slack's message metadata. After an attempt a crash cut off, the channel's messages since then are
 * read for that id first (conversations.history, scope {@code channels:history}), so the message is not posted twice;
 * a look-up that cannot be made leaves the attempt marked a possible duplicate, as for any endpoint.
 */
@Component
class SlackChannelPosts {

    static final String METADATA_TYPE = "flightdeck_webhook";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    /** Where and as whom: the bot's token and the channel id; {@code interruptedAt} as in the delivery ledger. */
    record Target(String token, String channel, Instant interruptedAt) {
        @Override
        public String toString() {
            return "Target[channel=" + channel + ", interruptedAt=" + interruptedAt + "]";
        }
    }

    /**
     * What became of the attempt: {@code alreadyPosted} when the look-up found it; {@code certain} unless a look-up
     * was needed and failed (then a post may be the second); {@code refused} when Slack refused the post.
     */
    record Outcome(boolean alreadyPosted, boolean certain, SlackApiException refused) {
    }

    private final SlackWebApi slack;

    SlackChannelPosts(SlackWebApi slack) {
        this.slack = slack;
    }

    Outcome post(Target target, String webhookId, String storedEvent) {
        boolean certain = true;
        if (target.interruptedAt() != null) {
            try {
                if (slack.findByMetadata(target.token(), target.channel(), target.interruptedAt().minus(CLOCK_SKEW),
                        METADATA_TYPE, "webhook_id", webhookId).isPresent()) {
                    return new Outcome(true, true, null);
                }
            } catch (SlackApiException e) {
                certain = false;
            }
        }
        SlackBlocks.Message message = SlackEventMessages.message(storedEvent);
        try {
            slack.postMessage(target.token(), target.channel(), message.text(), message.blocks(),
                    new SlackWebApi.Metadata(METADATA_TYPE, Map.of("webhook_id", webhookId)));
            return new Outcome(false, certain, null);
        } catch (SlackApiException e) {
            return new Outcome(false, certain, e);
        }
    }

    /** Slack's refusal in the words the endpoint's log shows. */
    static String words(SlackApiException e) {
        return switch (e.error()) {
            case "not_in_channel" -> "The Slack app is not in the channel (not_in_channel): invite it there with "
                    + "/invite @Flightdeck";
            case "channel_not_found" -> "Slack cannot find the channel, or it is private and the app is not in it "
                    + "(channel_not_found)";
            case "is_archived" -> "The Slack channel is archived (is_archived)";
            case "token_revoked", "invalid_auth", "account_inactive" ->
                    "Slack no longer accepts the workspace's app (" + e.error() + "): an admin installs it again";
            case "ratelimited", "rate_limited" -> "Slack asked us to slow down; trying again later";
            default -> "Slack did not take the message (" + e.error() + ")";
        };
    }
}
