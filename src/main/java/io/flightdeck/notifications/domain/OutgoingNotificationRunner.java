package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one job's step: finds what the row is and hands its due attempt to the runner of its path (an email, a Slack
 * direct message, a webhook endpoint's POST or Slack channel). Answers when the next attempt is, or empty when the row
 * is settled or gone.
 */
@Component
class OutgoingNotificationRunner {

    private enum Path { EMAIL, SLACK, WEBHOOK }

    private final OutgoingNotificationRepository outgoing;
    private final DeliveryRunner emails;
    private final SlackDeliveryRunner slack;
    private final WebhookRunner webhooks;
    private final TransactionTemplate tx;

    OutgoingNotificationRunner(OutgoingNotificationRepository outgoing, DeliveryRunner emails,
            SlackDeliveryRunner slack, WebhookRunner webhooks, TransactionTemplate tx) {
        this.outgoing = outgoing;
        this.emails = emails;
        this.slack = slack;
        this.webhooks = webhooks;
        this.tx = tx;
    }

    Optional<Instant> step(UUID id) {
        Path path = tx.execute(status -> outgoing.findById(id).map(OutgoingNotificationRunner::path).orElse(null));
        if (path == null) {
            return Optional.empty();
        }
        return switch (path) {
            case EMAIL -> emails.step(id);
            case SLACK -> slack.step(id);
            case WEBHOOK -> webhooks.step(id);
        };
    }

    private static Path path(OutgoingNotification row) {
        if (row instanceof NotificationDelivery delivery) {
            return delivery.channel() == NotificationChannel.SLACK ? Path.SLACK : Path.EMAIL;
        }
        return Path.WEBHOOK;
    }
}
