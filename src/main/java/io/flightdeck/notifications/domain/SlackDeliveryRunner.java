package io.flightdeck.notifications.domain;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalDecisions;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.notifications.slack.SlackApiException;
import io.flightdeck.notifications.slack.SlackBlocksFor;
import io.flightdeck.notifications.slack.SlackBlocks;
import io.flightdeck.notifications.slack.SlackConnections;
import io.flightdeck.notifications.slack.SlackLinks;
import io.flightdeck.notifications.slack.SlackWebApi;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.shared.jobs.CrashHold;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt of one Slack delivery: a direct message from the workspace's Slack app to the linked member, in the
 * same three steps as email (the attempt committed as SENDING, the call outside any transaction, the outcome
 * recorded). Each message carries Slack metadata naming its delivery, and Slack's message has no idempotency key, so
 * an attempt cut off by a crash is looked up first: the app's direct messages since that attempt began are searched
 * for the delivery's metadata, and one found is recorded as sent instead of sent again. Only when the look-up itself
 * fails (an install from before the {@code im:history} scope, Slack down) is the message sent again and marked as a
 * possible duplicate. A 429 is retried no sooner than its Retry-After; an answer retrying cannot mend (the token
 * revoked, the member gone from Slack) ends the delivery at once, in plain words.
 * {@code flightdeck.notifications.slack-hold-at} holds a thread for the crash test only.
 */
@Component
class SlackDeliveryRunner {

    private final NotificationDeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final SlackConnections connections;
    private final SlackLinks links;
    private final SlackWebApi slack;
    private final AbsoluteLinks urls;
    private final ApprovalDecisions approvals;
    private final MemberDirectory members;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CrashHold hold;

    SlackDeliveryRunner(NotificationDeliveryRepository deliveries, NotificationRepository notifications,
            SlackConnections connections, SlackLinks links, SlackWebApi slack, AbsoluteLinks urls,
            ApprovalDecisions approvals, MemberDirectory members, TransactionTemplate tx, Clock clock,
            @Value("${flightdeck.notifications.slack-hold-at:}") String holdAt) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.connections = connections;
        this.links = links;
        this.slack = slack;
        this.urls = urls;
        this.approvals = approvals;
        this.members = members;
        this.tx = tx;
        this.clock = clock;
        this.hold = CrashHold.of("flightdeck.notifications.slack-hold-at", holdAt, DeliveryRunner.BOUNDARIES);
    }

    static final String METADATA_TYPE = "flightdeck_notification";
    /** How far before the cut-off attempt's start the look-up reads, for the clocks of Slack and this node. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    /** {@code interruptedAt}: when the attempt a crash cut off began, or null on a first or retried attempt. */
    private record Attempt(String token, String user, SlackBlocks.Message message, Instant interruptedAt) {
    }

    Optional<Instant> step(UUID deliveryId) {
        Attempt attempt = tx.execute(status -> begin(deliveryId));
        if (attempt == null) {
            return Optional.empty();
        }
        if (attempt.interruptedAt() != null) {
            Optional<SlackWebApi.Posted> already = lookUp(deliveryId, attempt);
            if (already.isPresent()) {
                tx.executeWithoutResult(status -> deliveries.findById(deliveryId).orElseThrow()
                        .postedToSlack(already.get().channel(), already.get().ts(), clock.instant()));
                return Optional.empty();
            }
        }
        hold.reached("before-send", "slack delivery " + deliveryId);
        SlackWebApi.Posted posted;
        try {
            posted = slack.postMessage(attempt.token(), attempt.user(), attempt.message().text(),
                    attempt.message().blocks(), new SlackWebApi.Metadata(METADATA_TYPE,
                            Map.of("delivery", deliveryId.toString())));
        } catch (SlackApiException e) {
            return Optional.ofNullable(tx.execute(status -> deliveries.findById(deliveryId).orElseThrow()
                    .failed(words(e), e.permanent(), e.retryAfter().orElse(null), clock.instant())));
        }
        hold.reached("after-send", "slack delivery " + deliveryId);
        tx.executeWithoutResult(status -> deliveries.findById(deliveryId).orElseThrow()
                .postedToSlack(posted.channel(), posted.ts(), clock.instant()));
        return Optional.empty();
    }

    /**
     * The message the cut-off attempt may have posted, found in the member's direct messages by its metadata. A
     * look-up that fails cannot tell, so the resend that follows is marked as a possible duplicate.
     */
    private Optional<SlackWebApi.Posted> lookUp(UUID deliveryId, Attempt attempt) {
        try {
            String channel = slack.openDirectMessage(attempt.token(), attempt.user());
            return slack.findByMetadata(attempt.token(), channel, attempt.interruptedAt().minus(CLOCK_SKEW),
                    METADATA_TYPE, "delivery", deliveryId.toString());
        } catch (SlackApiException e) {
            tx.executeWithoutResult(status -> deliveries.findById(deliveryId).orElseThrow().markPossibleDuplicate());
            return Optional.empty();
        }
    }

    private Attempt begin(UUID deliveryId) {
        NotificationDelivery delivery = deliveries.findById(deliveryId).orElse(null);
        if (delivery == null || !delivery.open()) {
            return null;
        }
        Instant now = clock.instant();
        Instant interruptedAt = delivery.interruptedAt();
        Notification notification = notifications.findById(delivery.notificationId()).orElse(null);
        Optional<SlackConnections.Bot> bot = connections.bot();
        String user = links.slackUsers(Set.of(delivery.recipientId())).get(delivery.recipientId());
        if (notification == null || bot.isEmpty() || user == null) {
            delivery.abandon(bot.isEmpty() ? "Not sent: the workspace's Slack app is no longer installed"
                    : "Not sent: the recipient is no longer linked to Slack", now);
            return null;
        }
        SlackBlocks.Message message = message(notification);
        delivery.sending("slack", now);
        return new Attempt(bot.get().token(), user, message, interruptedAt);
    }

    /**
     * An approval that asks the member now comes with its buttons (what, which version, due when, asked by whom);
     * anything else is its title, body and reason with a link.
     */
    private SlackBlocks.Message message(Notification notification) {
        URI open = URI.create(urls.of("/notifications/" + notification.getId() + "/open"));
        if (notification.trigger() == NotificationTrigger.APPROVAL_REQUESTED && notification.subjectId() != null) {
            Optional<ApprovalDecisions.Round> round = approvals.round(notification.subjectId())
                    .filter(ApprovalDecisions.Round::open);
            if (round.isPresent()) {
                return SlackBlocksFor.request(TenantScope.require(), round.get(),
                        SlackBlocksFor.facts(round.get(), members, open));
            }
        }
        return SlackBlocks.notification(notification.title(), notification.body(), notification.reason(), open);
    }

    private static String words(SlackApiException e) {
        return switch (e.error()) {
            case "token_revoked", "invalid_auth", "account_inactive" ->
                    "Slack no longer accepts the workspace's app (" + e.error() + "): an admin installs it again";
            case "channel_not_found", "user_not_found", "users_not_found" ->
                    "Slack cannot find the member (" + e.error() + "): they link themselves again";
            case "ratelimited", "rate_limited" -> "Slack asked us to slow down; trying again later";
            default -> "Slack did not take the message (" + e.error() + ")";
        };
    }
}
