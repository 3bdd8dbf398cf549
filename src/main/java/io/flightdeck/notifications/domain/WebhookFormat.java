package io.flightdeck.notifications.domain;

/**
 * How an outgoing webhook endpoint is posted to. STANDARD: the event as JSON, signed the Standard Webhooks way.
 * SLACK: a Slack incoming webhook's address; the event goes as a Slack message (its title, what happened and a link)
 * to the channel the webhook was made for, so event types can be routed to Slack channels, with the same ledger,
 * retries, log and replay as any endpoint.
 */
public enum WebhookFormat {

    STANDARD("Standard Webhooks (signed JSON)"), SLACK("Slack incoming webhook (a message in its channel)");

    private final String label;

    WebhookFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
