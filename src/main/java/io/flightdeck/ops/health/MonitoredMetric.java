package io.flightdeck.ops.health;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an alert rule can watch: a number read from the platform's health (shared by every workspace on this
 * installation) or from the workspace's own components and ledgers.
 */
public enum MonitoredMetric {
    DATABASE_DOWN("database.down", "Database not working (1 when down)", true),
    STORAGE_FAILING("storage.failing", "Disk and file storage not working (0 to 2)", true),
    SEARCH_FAILING("search.failing", "Search index not working (1 when failing)", true),
    MAIL_FAILING("mail.failing", "Mail transport refusing or not answering (1 when failing)", true),
    JOBS_STALLED("jobs.stalled", "Kinds of job stalled: due for over 5 minutes and none taken", true),
    JOBS_DUE("jobs.due", "Jobs due and waiting for a node", true),
    JOBS_FAILING("jobs.failing", "Jobs that failed and wait for a retry", true),
    EVENTS_STUCK("events.stuck", "Event publications unhandled for over 5 minutes", true),
    CHANNELS_BROKEN("channels.broken", "Channel accounts broken", false),
    PROVIDERS_FAILING("providers.failing", "AI and render services down (their last 3 calls failed)", false),
    OUTGOING_DEAD("outgoing.dead", "Outgoing messages that failed for good and wait for a person", false),
    MAIL_REFUSED("mail.refused", "Emails refused or bounced in the last hour", false);

    private final String key;
    private final String label;
    private final boolean platform;

    MonitoredMetric(String key, String label, boolean platform) {
        this.key = key;
        this.label = label;
        this.platform = platform;
    }

    /** Its name in the API and in rules: {@code jobs.stalled}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Read from the installation's health, the same for every workspace (else the workspace's own). */
    public boolean platform() {
        return platform;
    }

    public static Optional<MonitoredMetric> ofKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }
}
