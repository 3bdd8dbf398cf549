package io.flightdeck.notifications.domain;

/**
 * How an outgoing webhook endpoint is posted to. STANDARD: the event as JSON, signed the Standard Webhooks way.
 * SLACK: a Slack incoming webhook's address; the event goes as a Slack message (its title, what happened and a link)
 * to the channel the webhook was made for. SLACK_CHANNEL: a channel of the Slack the app is installed in, posted to by
 * the app's bot (any number of channels with one install). Either way event types are routed to Slack channels, with
 * the same ledger, retries, log and replay as any endpoint.
 */
public enum WebhookFormat {

    STANDARD("Standard Webhooks (signed JSON)"), SLACK("Slack incoming webhook (a message in its channel)"),
    SLACK_CHANNEL("Slack channel, through the installed app (give the channel's link)");

    private final String label;

    WebhookFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
