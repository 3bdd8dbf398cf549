package io.flightdeck.publishing.channels;

/** Whether an account can post: connected, expiring (its token ends soon and cannot be refreshed), or broken. */
public enum ChannelHealth {
    CONNECTED("Connected"), EXPIRING("Expiring"), BROKEN("Broken");

    private final String label;

    ChannelHealth(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
