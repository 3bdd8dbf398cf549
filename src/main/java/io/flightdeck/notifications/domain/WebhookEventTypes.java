package io.flightdeck.notifications.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The event types an outgoing webhook can take: one per trigger, named the way webhook consumers expect
 * ({@code task.assigned}, {@code post.published}), and {@code webhook.test} for a test message. A member's own test
 * and the endpoint's own disabling are not events of the workspace and are not sent, nor is a saved search's alert
 * (a member's own, of a search that may be private).
 */
public final class WebhookEventTypes {

    public static final String TEST = "webhook.test";

    private static final List<String> ALL;

    static {
        List<String> types = new ArrayList<>(Arrays.stream(NotificationTrigger.values())
                .filter(WebhookEventTypes::sent).map(WebhookEventTypes::of).toList());
        types.add(TEST);
        ALL = Collections.unmodifiableList(types);
    }

    private WebhookEventTypes() {
    }

    /** Every type, in the order of the triggers, then the test. */
    public static List<String> all() {
        return ALL;
    }

    static String of(NotificationTrigger trigger) {
        return trigger.name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    static boolean sent(NotificationTrigger trigger) {
        return trigger != NotificationTrigger.TEST_SEND && trigger != NotificationTrigger.WEBHOOK_DISABLED
                && trigger != NotificationTrigger.DIGEST && trigger != NotificationTrigger.SEARCH_ALERT;
    }
}
