package io.flightdeck.shared.retention;

import java.util.Arrays;
import java.util.Optional;

/**
 * A kind of record a purge removes once it is older than its workspace's retention, in the order a purge takes them
 * (outgoing messages before notifications: a notification is kept while any delivery of it is). Each kind says what
 * is never purged whatever its age. Event publications are the installation's, not a workspace's: their retention is
 * an operator setting ({@code flightdeck.retention.event-publications.keep}).
 *
 * @param key        its name in URLs and the API, stable
 * @param label      its name for people
 * @param keeps      what a purge of it never removes, in words
 * @param defaultDays how long it is kept until an admin says otherwise
 * @param minDays    the shortest an admin may set (what the product itself needs the rows for)
 * @param maxDays    the longest an admin may set
 * @param exportable whether its rows can be exported before they are purged
 * @param platform   the installation's rather than a workspace's
 */
public enum RetentionKind {
    AUDIT_LOG("audit-log", "Audit log",
            "Nothing: every entry older than the retention goes.", 365, 30, 3650, true, false),
    OUTGOING_MESSAGES("outgoing-messages", "Outgoing messages (notifications by email and Slack, webhook messages)",
            "Messages still waiting, sending or retrying, and those gathered into a digest that has not gone out.",
            90, 7, 3650, true, false),
    NOTIFICATIONS("notifications", "Notifications in the app",
            "Unread ones still in a member's inbox, and any with an outgoing message still kept.", 90, 7, 3650, true,
            false),
    IDEMPOTENCY_KEYS("idempotency-keys", "Idempotency keys of API creates",
            "Keys younger than a day: the API replays a create's answer for at least 24 hours.", 1, 1, 30, false,
            false),
    JOB_HISTORY("job-history", "Job history (bulk actions and these clean-up runs with their exports)",
            "Bulk actions still running or still open to undo, and clean-up runs still going.", 90, 2, 3650, true,
            false),
    EVENT_PUBLICATIONS("event-publications", "Event publications (the installation's)",
            "Publications not completed: their listeners still have to hear them.", 7, 1, 3650, false, true);

    private final String key;
    private final String label;
    private final String keeps;
    private final int defaultDays;
    private final int minDays;
    private final int maxDays;
    private final boolean exportable;
    private final boolean platform;

    RetentionKind(String key, String label, String keeps, int defaultDays, int minDays, int maxDays,
            boolean exportable, boolean platform) {
        this.key = key;
        this.label = label;
        this.keeps = keeps;
        this.defaultDays = defaultDays;
        this.minDays = minDays;
        this.maxDays = maxDays;
        this.exportable = exportable;
        this.platform = platform;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String keeps() {
        return keeps;
    }

    public int defaultDays() {
        return defaultDays;
    }

    public int minDays() {
        return minDays;
    }

    public int maxDays() {
        return maxDays;
    }

    public boolean exportable() {
        return exportable;
    }

    public boolean platform() {
        return platform;
    }

    public static Optional<RetentionKind> ofKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
