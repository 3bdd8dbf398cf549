package io.flightdeck.notifications.domain;

/**
 * The groups a member switches notifications on and off by, with Flightdeck's default for email: on where someone
 * waits for the member (an approval, a mention, a task, a broken channel), off where the app is enough.
 */
public enum NotificationCategory {

    APPROVALS("Approvals", true),
    COMMENTS("Comments and mentions", true),
    TASKS("Tasks", true),
    PLANNING("Planning", false),
    RENDERING("Renders", false),
    PUBLISHING("Publishing", false),
    CHANNELS("Channels", true),
    IMPORTS("Imports", false),
    CAMPAIGNS("Campaigns", false),
    STRATEGY("Strategy", false),
    /** System alerts, to the workspace's admins: something is wrong that a person must see to. */
    SYSTEM("System alerts", true),
    /** Only for members who asked: a saved search's alert is wanted, so it is emailed too unless switched off. */
    SEARCHES("Saved search alerts", true);

    private final String label;
    private final boolean emailByDefault;

    NotificationCategory(String label, boolean emailByDefault) {
        this.label = label;
        this.emailByDefault = emailByDefault;
    }

    public String label() {
        return label;
    }

    /** Flightdeck's own default, before any workspace or member setting: the app always, email where it says. */
    public DeliveryMode builtIn(NotificationChannel channel) {
        return channel == NotificationChannel.IN_APP || emailByDefault ? DeliveryMode.IMMEDIATE : DeliveryMode.OFF;
    }
}
