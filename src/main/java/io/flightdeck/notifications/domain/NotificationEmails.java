package io.flightdeck.notifications.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.mail.MailTemplates;
import io.flightdeck.shared.mail.OutgoingMail;
import org.springframework.stereotype.Component;

/**
 * A notification as an email: its title as the subject, what happened and why it concerns the member, a button to
 * what it is about, and at the foot the setting that let it through with a link that stops exactly that.
 */
@Component
class NotificationEmails {

    private final MailTemplates templates;
    private final AbsoluteLinks urls;

    NotificationEmails(MailTemplates templates, AbsoluteLinks urls) {
        this.templates = templates;
        this.urls = urls;
    }

    OutgoingMail compose(UUID workspaceId, Notification notification, NotificationDelivery delivery, String to) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", notification.title());
        variables.put("body", notification.body());
        variables.put("reason", notification.reason());
        variables.put("link", urls.of("/notifications/" + notification.getId() + "/open"));
        variables.put("why", why(notification.category(), delivery.source()));
        // a test comes whatever the settings: there is nothing for its link to stop
        boolean test = delivery.source() == PreferenceSource.REQUESTED;
        variables.put("stopLink", test ? null : urls.of("/notifications/" + notification.getId() + "/stop?channel=EMAIL"));
        variables.put("preferencesLink", urls.of("/notifications/preferences"));
        MailTemplates.Rendered body = templates.render("notification", variables);
        return new OutgoingMail(workspaceId, delivery.idempotencyKey(), to, notification.title(), body.text(), body.html());
    }

    /** “Approvals reach you by email because of your own setting.” */
    static String why(NotificationCategory category, PreferenceSource source) {
        if (source == PreferenceSource.REQUESTED) {
            return "You asked for this test; it comes whatever your settings.";
        }
        return category.label() + " reach you by email because of " + source.phrase() + ".";
    }
}
